import type { ReactNode } from 'react';
import { Navigate, useLocation, type Location } from 'react-router';
import { AppShellSkeleton } from '@/components/Skeleton';
import { errorMessage } from '@/lib/api';
import { hasRole, type Role } from '@/lib/roles';
import { useAuth } from './use-auth';

export interface FromState {
  from?: Pick<Location, 'pathname' | 'search' | 'hash'>;
}

function SessionError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <div className="fullscreen-center">
      <div className="error-panel" role="alert">
        <h2>Could not load your session</h2>
        <p className="muted">{errorMessage(error)}</p>
        <div className="error-panel__actions">
          <button type="button" className="btn btn--primary" onClick={retry}>
            Try again
          </button>
        </div>
      </div>
    </div>
  );
}

/** Renders its children for signed-in users and sends everyone else to /sign-in. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { state, reload } = useAuth();
  const location = useLocation();
  switch (state.status) {
    case 'loading':
      return <AppShellSkeleton />;
    case 'error':
      return <SessionError error={state.error} retry={reload} />;
    case 'anonymous': {
      const from: FromState['from'] = {
        pathname: location.pathname,
        search: location.search,
        hash: location.hash,
      };
      const state: FromState | undefined = location.pathname === '/' ? undefined : { from };
      return <Navigate to="/sign-in" replace state={state} />;
    }
    case 'authenticated':
      return children;
  }
}

/** For /sign-in and /register: signed-in users go on to where they were headed. */
export function GuestOnly({ children }: { children: ReactNode }) {
  const { state } = useAuth();
  const location = useLocation();
  if (state.status === 'loading') {
    return (
      <div className="fullscreen-center" role="status" aria-label="Loading">
        <span className="spinner" />
      </div>
    );
  }
  if (state.status === 'authenticated') {
    const from = (location.state as FromState | null)?.from;
    return <Navigate to={from ?? '/'} replace />;
  }
  return children;
}

/** Only for users with at least `role`; others are sent home. */
export function RequireRole({ role, children }: { role: Role; children: ReactNode }) {
  const { user } = useAuth();
  if (!hasRole(user?.role, role)) return <Navigate to="/" replace />;
  return children;
}
