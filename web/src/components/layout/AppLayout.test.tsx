import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ADA, authValue, page, renderRoutes } from '@/testing/render';
import { AppLayout } from './AppLayout';

function renderShell(session = ADA, path = '/') {
  return renderRoutes(
    [
      {
        path: '/',
        element: <AppLayout />,
        children: [
          { index: true, element: page('Home page') },
          { path: 'members', element: page('Members page') },
        ],
      },
      { path: '/sign-in', element: page('Sign-in page') },
    ],
    { path, auth: authValue(session) },
  );
}

describe('AppLayout', () => {
  it('shows the product name, the signed-in user and their org', () => {
    renderShell();
    const sidebar = screen.getByRole('complementary');
    expect(within(sidebar).getByText('DataMind')).toBeInTheDocument();
    const account = screen.getByRole('region', { name: 'Account' });
    expect(within(account).getByText('Ada Lovelace')).toBeInTheDocument();
    expect(within(account).getByText('ada@example.com')).toBeInTheDocument();
    expect(within(account).getByText('Analytical Engines')).toBeInTheDocument();
    expect(within(account).getByTestId('avatar')).toHaveTextContent(/^A$/);
    expect(within(account).getByRole('button', { name: 'Sign out' })).toBeInTheDocument();
    expect(screen.getByText('Home page')).toBeInTheDocument();
  });

  it('uses the initial of the user’s own name', () => {
    renderShell({ ...ADA, user: { ...ADA.user, fullName: 'émile zola' } });
    expect(screen.getByTestId('avatar')).toHaveTextContent(/^É$/);
  });

  it('shows Members, Audit log and AI settings to admins and owners', () => {
    renderShell({ ...ADA, user: { ...ADA.user, role: 'admin' } });
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Members' })).toHaveAttribute('href', '/members');
    expect(within(nav).getByRole('link', { name: 'Audit log' })).toHaveAttribute('href', '/audit');
    expect(within(nav).getByRole('link', { name: 'AI settings' })).toHaveAttribute(
      'href',
      '/settings/ai',
    );
  });

  it.each(['viewer', 'analyst'])('hides admin pages from a %s', (role) => {
    renderShell({ ...ADA, user: { ...ADA.user, role } });
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Home' })).toBeInTheDocument();
    expect(within(nav).getByRole('link', { name: 'Chat' })).toHaveAttribute('href', '/chat');
    expect(within(nav).queryByRole('link', { name: 'Members' })).toBeNull();
    expect(within(nav).queryByRole('link', { name: 'AI settings' })).toBeNull();
    expect(within(nav).queryByRole('link', { name: 'Audit log' })).toBeNull();
  });

  it('signs out and goes to the sign-in screen', async () => {
    const { auth, router } = renderShell();
    await userEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(auth.signOut).toHaveBeenCalledOnce();
    expect(await screen.findByText('Sign-in page')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/sign-in');
  });

  it('keeps the shell when a page crashes', () => {
    function Boom(): never {
      throw new Error('Kaboom');
    }
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    renderRoutes(
      [{ path: '/', element: <AppLayout />, children: [{ index: true, element: <Boom /> }] }],
      { auth: authValue(ADA) },
    );
    expect(screen.getByRole('alert')).toHaveTextContent('Kaboom');
    expect(screen.getByText('Ada Lovelace')).toBeInTheDocument();
    spy.mockRestore();
  });
});
