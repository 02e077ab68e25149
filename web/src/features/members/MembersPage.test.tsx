import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, mockFetch, noContent, problem } from '@/testing/fetch';
import { ADA, authValue, renderRoutes } from '@/testing/render';
import type { Member } from './api';
import { MembersPage } from './MembersPage';

afterEach(() => {
  vi.unstubAllGlobals();
});

const members: Member[] = Array.from({ length: 25 }, (_, i) => ({
  id: `m${i}`,
  email: `person${i}@example.com`,
  fullName: `Person ${i}`,
  role: i === 0 ? 'owner' : 'viewer',
  createdAt: '2024-05-01T10:00:00Z',
}));
members[0] = {
  ...members[0]!,
  id: ADA.user.id,
  fullName: ADA.user.fullName,
  email: ADA.user.email,
};

function server() {
  return mockFetch(({ url, method, body }) => {
    const u = new URL(url, 'http://localhost');
    if (method === 'GET' && u.pathname === '/api/v1/org/members') {
      const offset = Number(u.searchParams.get('offset'));
      const limit = Number(u.searchParams.get('limit'));
      return json({
        items: members.slice(offset, offset + limit),
        total: members.length,
        offset,
        limit,
      });
    }
    if (method === 'POST') {
      const input = body as Member;
      if (input.email === 'taken@example.com') {
        return problem(409, {
          title: 'Conflict',
          errors: [{ field: 'email', message: 'A member with this email exists.' }],
        });
      }
      return json({ ...input, id: 'new', createdAt: '2024-06-01T00:00:00Z' }, 201);
    }
    if (method === 'PATCH') return json({});
    if (method === 'DELETE') return noContent();
    return problem(404, { title: 'Not Found' });
  });
}

function renderMembers() {
  return renderRoutes([{ path: '/members', element: <MembersPage /> }], {
    path: '/members',
    auth: authValue(ADA),
  });
}

describe('MembersPage', () => {
  it('lists members page by page', async () => {
    const { calls } = server();
    renderMembers();
    expect(await screen.findByText('person1@example.com')).toBeInTheDocument();
    expect(screen.getByText('Showing 1–20 of 25')).toBeInTheDocument();
    // The signed-in owner cannot change or remove themself.
    const selfRow = screen.getByText('ada@example.com').closest('tr')!;
    expect(within(selfRow).queryByRole('combobox')).toBeNull();
    expect(within(selfRow).queryByRole('button')).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByText('person24@example.com')).toBeInTheDocument();
    expect(screen.getByText('Showing 21–25 of 25')).toBeInTheDocument();
    expect(calls.at(-1)?.url).toBe('/api/v1/org/members?offset=20&limit=20');
  });

  it('changes a role and removes a member', async () => {
    const { calls } = server();
    renderMembers();
    const user = userEvent.setup();
    await user.selectOptions(await screen.findByLabelText('Role of Person 3'), 'analyst');
    expect(await screen.findByText('Person 3 is now Analyst.')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'PATCH')).toMatchObject({
      url: '/api/v1/org/members/m3',
      body: { role: 'analyst' },
    });

    await user.click(screen.getByRole('button', { name: 'Remove Person 4' }));
    await user.click(screen.getByRole('button', { name: 'Remove' }));
    expect(await screen.findByText('Person 4 was removed.')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'DELETE')?.url).toBe('/api/v1/org/members/m4');
  });

  it('adds a member and shows field errors from the server', async () => {
    const { calls } = server();
    renderMembers();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Add member' }));
    const form = screen.getByRole('form', { name: 'Add member' });
    await user.type(within(form).getByLabelText('Full name'), 'Grace Hopper');
    await user.type(within(form).getByLabelText('Email'), 'taken@example.com');
    await user.selectOptions(within(form).getByLabelText('Role'), 'analyst');
    await user.type(within(form).getByLabelText('Initial password'), 'cobol-rules-1959');
    await user.click(within(form).getByRole('button', { name: 'Add member' }));
    expect(await within(form).findByText('A member with this email exists.')).toBeInTheDocument();

    await user.clear(within(form).getByLabelText('Email'));
    await user.type(within(form).getByLabelText('Email'), 'grace@example.com');
    await user.click(within(form).getByRole('button', { name: 'Add member' }));
    expect(await screen.findByText('Grace Hopper was added as Analyst.')).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST').at(-1)?.body).toEqual({
      fullName: 'Grace Hopper',
      email: 'grace@example.com',
      role: 'analyst',
      password: 'cobol-rules-1959',
    });
  });
});
