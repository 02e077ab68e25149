import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, mockFetch } from '@/testing/fetch';
import { ADA, authValue, renderRoutes } from '@/testing/render';
import { AuditPage, dayToInstant } from './AuditPage';

vi.mock('@/components/chart', () => ({
  Chart: ({ ariaLabel }: { ariaLabel: string }) => <div role="img" aria-label={ariaLabel} />,
}));

afterEach(() => {
  vi.unstubAllGlobals();
});

const event = (i: number, action: string) => ({
  id: i,
  action,
  userId: 'u1',
  userEmail: 'ada@example.com',
  targetType: 'member',
  targetId: `m${i}`,
  ip: '127.0.0.1',
  userAgent: 'Chromium',
  requestId: `req-${i}`,
  details: { role: 'admin' },
  createdAt: '2024-05-01T10:00:00Z',
});

describe('AuditPage', () => {
  it('lists events and sends the filters', async () => {
    const { calls } = mockFetch(({ url }) => {
      const u = new URL(url, 'http://localhost');
      const action = u.searchParams.get('action');
      const items = action
        ? [event(9, action)]
        : [event(1, 'auth.login'), event(2, 'member.added')];
      return json({ items, total: action ? 1 : 60, offset: 0, limit: 25 });
    });
    renderRoutes([{ path: '/audit', element: <AuditPage /> }], {
      path: '/audit',
      auth: authValue(ADA),
    });
    expect(await screen.findByText('member.added')).toBeInTheDocument();
    expect(screen.getByText('Showing 1–2 of 60')).toBeInTheDocument();
    expect(screen.getByRole('img', { name: /events on this page by action/ })).toBeInTheDocument();

    const user = userEvent.setup();
    await user.click(screen.getAllByRole('button', { name: 'View' })[0]!);
    expect(screen.getByText('req-1')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Hide' })).toHaveAttribute('aria-expanded', 'true');

    await user.type(screen.getByLabelText('Action'), 'auth.logout');
    await user.type(screen.getByLabelText('From'), '2024-05-01');
    await user.type(screen.getByLabelText('To'), '2024-05-31');
    await user.click(screen.getByRole('button', { name: 'Apply' }));
    expect(await screen.findByText('auth.logout')).toBeInTheDocument();
    const u = new URL(calls.at(-1)!.url, 'http://localhost');
    expect(u.searchParams.get('action')).toBe('auth.logout');
    expect(u.searchParams.get('from')).toBe(dayToInstant('2024-05-01', 'start'));
    expect(u.searchParams.get('to')).toBe(dayToInstant('2024-05-31', 'end'));
    expect(u.searchParams.get('offset')).toBe('0');
  });

  it('turns days into the first and last instant of the local day', () => {
    const start = new Date(dayToInstant('2024-02-29', 'start')!);
    const end = new Date(dayToInstant('2024-02-29', 'end')!);
    expect([start.getDate(), start.getHours(), start.getMinutes()]).toEqual([29, 0, 0]);
    expect([end.getDate(), end.getHours(), end.getMinutes()]).toEqual([29, 23, 59]);
    expect(dayToInstant('nope', 'start')).toBeUndefined();
  });
});
