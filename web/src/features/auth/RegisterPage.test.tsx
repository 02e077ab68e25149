import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderApp } from '@/testing/app';
import { json, mockFetch, problem, type Handler } from '@/testing/fetch';
import { ADA } from '@/testing/render';

afterEach(() => {
  vi.unstubAllGlobals();
});

function signedOut(register: Handler) {
  return mockFetch((call) => {
    if (call.url === '/api/v1/auth/register') return register(call);
    if (call.url === '/api/v1/health')
      return json({ status: 'UP', service: 'datamind', version: '1' });
    return problem(401, { title: 'Unauthorized' });
  });
}

async function fill(values: Record<string, string>) {
  const user = userEvent.setup();
  await screen.findByRole('form', { name: 'Register' });
  for (const [label, value] of Object.entries(values)) {
    const input = screen.getByLabelText(label);
    await user.clear(input);
    await user.type(input, value);
  }
  return user;
}

describe('register form', () => {
  it('derives the slug from the organization name until the slug is edited', async () => {
    signedOut(() => json(ADA, 201));
    renderApp('/register');
    const user = await fill({ 'Organization name': 'Ünïcorn Labs, Inc.' });
    const slug = screen.getByLabelText('Organization URL name');
    expect(slug).toHaveValue('unicorn-labs-inc');
    await user.type(slug, '-eu');
    expect(slug).toHaveValue('unicorn-labs-inc-eu');
    await user.type(screen.getByLabelText('Organization name'), ' GmbH');
    expect(slug).toHaveValue('unicorn-labs-inc-eu');
  });

  it('shows 409 duplicates beside the email and slug fields', async () => {
    signedOut(() =>
      problem(409, {
        title: 'Conflict',
        detail: 'Already taken',
        errors: [
          { field: 'email', message: 'This email is already registered.' },
          { field: 'orgSlug', message: 'This URL name is taken.' },
        ],
      }),
    );
    renderApp('/register');
    const user = await fill({
      'Full name': 'Ada Lovelace',
      'Work email': 'ada@example.com',
      Password: 'correct-horse-battery',
      'Organization name': 'Analytical Engines',
    });
    await user.click(screen.getByRole('button', { name: 'Create organization' }));
    expect(await screen.findByText('This email is already registered.')).toBeInTheDocument();
    expect(screen.getByLabelText('Work email')).toHaveAccessibleDescription(
      'This email is already registered.',
    );
    expect(screen.getByLabelText('Organization URL name')).toHaveAccessibleDescription(
      'This URL name is taken.',
    );
  });

  it('registers and opens the app', async () => {
    const { calls } = signedOut(() => json(ADA, 201));
    renderApp('/register');
    const user = await fill({
      'Full name': 'Ada Lovelace',
      'Work email': 'ada@example.com',
      Password: 'correct-horse-battery',
      'Organization name': 'Analytical Engines',
    });
    await user.click(screen.getByRole('button', { name: 'Create organization' }));
    expect(await screen.findByTestId('user-name')).toHaveTextContent('Ada Lovelace');
    expect(calls.find((c) => c.url.endsWith('/auth/register'))?.body).toEqual({
      fullName: 'Ada Lovelace',
      email: 'ada@example.com',
      password: 'correct-horse-battery',
      orgName: 'Analytical Engines',
      orgSlug: 'analytical-engines',
    });
  });
});
