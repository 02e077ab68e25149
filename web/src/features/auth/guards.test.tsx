import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderApp } from '@/testing/app';
import { json, mockFetch, problem } from '@/testing/fetch';
import { ADA } from '@/testing/render';

afterEach(() => {
  vi.unstubAllGlobals();
});

const page = { items: [], total: 0, offset: 0, limit: 20 };

describe('route guards', () => {
  it('sends signed-out users to /sign-in and back where they were headed', async () => {
    let signedIn = false;
    mockFetch(({ url }) => {
      if (url.endsWith('/auth/login')) {
        signedIn = true;
        return json(ADA);
      }
      if (!signedIn) return problem(401, { title: 'Unauthorized' });
      if (url.startsWith('/api/v1/org/members')) return json(page);
      return json(ADA);
    });
    const { router } = renderApp('/members');
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/sign-in');

    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Email'), 'ada@example.com');
    await user.type(screen.getByLabelText('Password'), 'pw');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('heading', { name: 'Members' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/members');
  });

  it('sends signed-in users away from /sign-in', async () => {
    mockFetch(({ url }) =>
      url.endsWith('/health')
        ? json({ status: 'UP', service: 'datamind', version: '1' })
        : json(ADA),
    );
    const { router } = renderApp('/sign-in');
    expect(await screen.findByTestId('user-name')).toHaveTextContent('Ada Lovelace');
    expect(router.state.location.pathname).toBe('/');
  });

  it('keeps viewers out of admin pages', async () => {
    const viewer = { ...ADA, user: { ...ADA.user, role: 'viewer' } };
    mockFetch(({ url }) =>
      url.endsWith('/health')
        ? json({ status: 'UP', service: 'datamind', version: '1' })
        : json(viewer),
    );
    const { router } = renderApp('/audit');
    expect(await screen.findByTestId('user-name')).toBeInTheDocument();
    // The shell can show the user a moment before the guard's redirect lands.
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
  });

  it('goes to /sign-in when the session expires and cannot be refreshed', async () => {
    let expired = false;
    mockFetch(({ url }) => {
      if (url.endsWith('/health')) return json({ status: 'UP', service: 'datamind', version: '1' });
      if (expired) return problem(401, { title: 'Unauthorized' });
      if (url.startsWith('/api/v1/org/members')) return json(page);
      return json(ADA);
    });
    const { router } = renderApp('/');
    expect(await screen.findByTestId('user-name')).toBeInTheDocument();
    expired = true;
    await userEvent.click(screen.getByRole('link', { name: 'Members' }));
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/sign-in');
  });

  it('offers a retry when the session check fails for another reason', async () => {
    let down = true;
    mockFetch(({ url }) => {
      if (down) return problem(503, { title: 'Service Unavailable' });
      if (url.endsWith('/health')) return json({ status: 'UP', service: 'datamind', version: '1' });
      return json(ADA);
    });
    renderApp('/');
    expect(await screen.findByRole('alert')).toHaveTextContent('Service Unavailable');
    down = false;
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByTestId('user-name')).toHaveTextContent('Ada Lovelace');
  });
});
