import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderApp } from '@/testing/app';
import { json, mockFetch, problem, type Handler } from '@/testing/fetch';
import { ADA } from '@/testing/render';

let loggedIn = false;

afterEach(() => {
  vi.unstubAllGlobals();
  loggedIn = false;
});

/** Signed out: /me and /auth/refresh answer 401; /auth/login answers with `login`. */
function signedOut(login: Handler) {
  return mockFetch((call) => {
    if (call.url === '/api/v1/auth/login') return login(call);
    if (call.url === '/api/v1/health')
      return json({ status: 'UP', service: 'datamind', version: '1' });
    if (call.url === '/api/v1/me' && loggedIn) return json(ADA);
    return problem(401, { title: 'Unauthorized' });
  });
}
async function fillAndSubmit(email: string, password: string) {
  const user = userEvent.setup();
  const emailInput = await screen.findByLabelText('Email');
  if (email) await user.type(emailInput, email);
  if (password) await user.type(screen.getByLabelText('Password'), password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('sign-in form', () => {
  it('asks for the missing fields without calling the server', async () => {
    const { calls } = signedOut(() => json(ADA));
    renderApp('/sign-in');
    await fillAndSubmit('', '');
    expect(screen.getByLabelText('Email')).toHaveAccessibleDescription('Enter your email address.');
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription('Enter your password.');
    expect(calls.some((c) => c.url.endsWith('/auth/login'))).toBe(false);
  });

  it('shows the problem detail of a 401 without trying to refresh', async () => {
    const { calls } = signedOut(() =>
      problem(401, { title: 'Unauthorized', detail: 'Invalid email or password.' }),
    );
    renderApp('/sign-in');
    await fillAndSubmit('ada@example.com', 'wrong-password');
    expect(await screen.findByRole('alert')).toHaveTextContent('Invalid email or password.');
    const refreshes = calls.filter((c) => c.url.endsWith('/auth/refresh')).length;
    // Only the initial session check may refresh; the login 401 must not.
    expect(refreshes).toBeLessThanOrEqual(1);
    expect(calls.filter((c) => c.url.endsWith('/auth/login'))).toHaveLength(1);
  });

  it('shows field errors beside their fields', async () => {
    signedOut(() =>
      problem(400, {
        title: 'Bad Request',
        detail: 'Validation failed',
        errors: [
          { field: 'email', message: 'must be a well-formed email address' },
          { field: 'password', message: 'must not be blank' },
        ],
      }),
    );
    renderApp('/sign-in');
    await fillAndSubmit('not-an-email', 'x');
    const email = screen.getByLabelText('Email');
    expect(await screen.findByText('must be a well-formed email address')).toBeInTheDocument();
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveAccessibleDescription('must be a well-formed email address');
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription('must not be blank');
  });

  it('explains rate limiting', async () => {
    signedOut(() => problem(429, { title: 'Too Many Requests' }, { 'Retry-After': '60' }));
    renderApp('/sign-in');
    await fillAndSubmit('ada@example.com', 'secret-password');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Too Many Requests Try again in 60 seconds.',
    );
  });

  it('signs in and lands on Home with the user in the sidebar', async () => {
    const { calls } = signedOut(() => {
      loggedIn = true;
      return json({ ...ADA, expiresIn: 900 });
    });
    const { router } = renderApp('/sign-in');
    await fillAndSubmit('ada@example.com', 'correct-horse');
    expect(await screen.findByRole('heading', { name: /, Ada$/ })).toBeInTheDocument();
    expect(screen.getByTestId('user-name')).toHaveTextContent('Ada Lovelace');
    expect(router.state.location.pathname).toBe('/');
    expect(calls.find((c) => c.url.endsWith('/auth/login'))?.body).toEqual({
      email: 'ada@example.com',
      password: 'correct-horse',
    });
  });
});
