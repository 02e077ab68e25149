import { useContext } from 'react';
import type { Session } from './api';
import { AuthContext, type AuthContextValue } from './auth-context';

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>');
  return value;
}

/** The signed-in user and org. Only for components under the auth guard. */
export function useCurrentUser(): Session {
  const { state } = useAuth();
  if (state.status !== 'authenticated') {
    throw new Error('useCurrentUser needs a signed-in user');
  }
  return state.session;
}
