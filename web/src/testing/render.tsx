import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';
import { vi } from 'vitest';
import type { Session } from '@/features/auth/api';
import { AuthContext, type AuthContextValue } from '@/features/auth/auth-context';

export const ADA: Session = {
  user: { id: 'u1', email: 'ada@example.com', fullName: 'Ada Lovelace', role: 'owner' },
  org: { id: 'o1', name: 'Analytical Engines', slug: 'analytical-engines' },
};

export function authValue(session: Session | null): AuthContextValue {
  return {
    state: session ? { status: 'authenticated', session } : { status: 'anonymous' },
    user: session?.user,
    org: session?.org,
    signIn: vi.fn(),
    register: vi.fn(),
    signOut: vi.fn(() => Promise.resolve()),
    reload: vi.fn(),
  };
}

/** Renders routes in a memory router with a fixed auth state. */
export function renderRoutes(
  routes: RouteObject[],
  { path = '/', auth = authValue(ADA) }: { path?: string; auth?: AuthContextValue } = {},
) {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const result = render(
    <AuthContext value={auth}>
      <RouterProvider router={router} />
    </AuthContext>,
  );
  return { ...result, router, auth };
}

export function page(text: string): ReactNode {
  return <p>{text}</p>;
}
