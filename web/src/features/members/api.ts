import { api, type Id, type Page } from '@/lib/api';

export interface Member {
  id: Id;
  email: string;
  fullName: string;
  role: string;
  createdAt: string;
}

export interface NewMember {
  email: string;
  fullName: string;
  role: string;
  password: string;
}

const path = (id: Id) => `/org/members/${encodeURIComponent(String(id))}`;

export const membersApi = {
  list: (offset: number, limit: number, signal?: AbortSignal) =>
    api.get<Page<Member>>('/org/members', { query: { offset, limit }, ...(signal && { signal }) }),
  add: (input: NewMember) => api.post<Member>('/org/members', input),
  changeRole: (id: Id, role: string) => api.patch<Member | undefined>(path(id), { role }),
  remove: (id: Id) => api.delete(path(id)),
};
