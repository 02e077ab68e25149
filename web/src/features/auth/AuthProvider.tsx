import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, onSessionExpired } from '@/lib/api';
import { authApi, type LoginInput, type RegisterInput, type Session } from './api';
import { AuthContext, type AuthContextValue, type AuthState } from './auth-context';

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ status: 'loading' });
  const [loadCount, setLoadCount] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    authApi.me(controller.signal).then(
      (session) => {
        setState({ status: 'authenticated', session });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && (error.status === 401 || error.status === 403)) {
          setState({ status: 'anonymous' });
        } else {
          setState({ status: 'error', error });
        }
      },
    );
    return () => {
      controller.abort();
    };
  }, [loadCount]);

  useEffect(
    () =>
      onSessionExpired(() => {
        setState({ status: 'anonymous' });
      }),
    [],
  );

  const signIn = useCallback(async (input: LoginInput) => {
    const { user, org } = await authApi.login(input);
    const session: Session = { user, org };
    setState({ status: 'authenticated', session });
    return session;
  }, []);

  const register = useCallback(async (input: RegisterInput) => {
    const { user, org } = await authApi.register(input);
    const session: Session = { user, org };
    setState({ status: 'authenticated', session });
    return session;
  }, []);

  const signOut = useCallback(async () => {
    try {
      await authApi.logout();
    } catch {
      // Signed out locally even when the server could not be reached.
    }
    setState({ status: 'anonymous' });
  }, []);

  const reload = useCallback(() => {
    setState({ status: 'loading' });
    setLoadCount((n) => n + 1);
  }, []);

  const value = useMemo<AuthContextValue>(() => {
    const session = state.status === 'authenticated' ? state.session : undefined;
    return { state, user: session?.user, org: session?.org, signIn, register, signOut, reload };
  }, [state, signIn, register, signOut, reload]);

  return <AuthContext value={value}>{children}</AuthContext>;
}
