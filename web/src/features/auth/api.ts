import { api, type Id } from '@/lib/api';

export interface User {
  id: Id;
  email: string;
  fullName: string;
  role: string;
}

export interface Org {
  id: Id;
  name: string;
  slug: string;
}

export interface Session {
  user: User;
  org: Org;
}

export interface LoginResponse extends Session {
  expiresIn?: number;
}

export interface LoginInput {
  email: string;
  password: string;
}

export interface RegisterInput {
  email: string;
  password: string;
  fullName: string;
  orgName: string;
  orgSlug: string;
}

export const authApi = {
  me: (signal?: AbortSignal) => api.get<Session>('/me', signal ? { signal } : undefined),
  login: (input: LoginInput) => api.post<LoginResponse>('/auth/login', input),
  register: (input: RegisterInput) => api.post<Session>('/auth/register', input),
  logout: () => api.post<undefined>('/auth/logout'),
};
