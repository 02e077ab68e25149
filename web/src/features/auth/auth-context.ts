import { createContext } from 'react';
import type { LoginInput, Org, RegisterInput, Session, User } from './api';

export type AuthState =
  | { status: 'loading' }
  | { status: 'authenticated'; session: Session }
  | { status: 'anonymous' }
  | { status: 'error'; error: unknown };

export interface AuthContextValue {
  state: AuthState;
  user: User | undefined;
  org: Org | undefined;
  signIn: (input: LoginInput) => Promise<Session>;
  register: (input: RegisterInput) => Promise<Session>;
  signOut: () => Promise<void>;
  /** Loads the current session again (e.g. after an error). */
  reload: () => void;
}

export const AuthContext = createContext<AuthContextValue | null>(null);
