import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { deferred, json, mockFetch, noContent } from '@/testing/fetch';
import { ADA, authValue, renderRoutes } from '@/testing/render';
import type { Connection } from './api';
import { ConnectionsPage } from './ConnectionsPage';

afterEach(() => {
  vi.unstubAllGlobals();
});

function connection(id: string, name: string, extra: Partial<Connection> = {}): Connection {
  return {
    id,
    name,
    type: 'postgresql',
    host: 'db.internal',
    port: 5432,
    database: 'shop',
    username: 'reader',
    passwordSet: true,
    sslMode: 'prefer',
    properties: {},
    filePath: null,
    managed: false,
    managedKind: null,
    createdAt: '2024-05-01T10:00:00Z',
    updatedAt: '2024-05-01T10:00:00Z',
    ...extra,
  };
}

const items = [
  connection('s', 'Sample Sales', {
    type: 'duckdb',
    host: null,
    port: null,
    managed: true,
    managedKind: 'sample',
  }),
  connection('c1', 'Shop'),
];

function renderAs(role: string) {
  const session = { ...ADA, user: { ...ADA.user, role } };
  return renderRoutes([{ path: '/connections', element: <ConnectionsPage /> }], {
    path: '/connections',
    auth: authValue(session),
  });
}

describe('ConnectionsPage', () => {
  it('shows skeletons while loading, then the connections', async () => {
    const held = deferred<Response>();
    mockFetch(() => held.promise);
    renderAs('owner');
    expect(screen.getByRole('status', { name: 'Loading' })).toBeInTheDocument();
    held.resolve(json({ items, total: 2, offset: 0, limit: 20 }));
    expect(await screen.findByText('Shop')).toBeInTheDocument();
    expect(screen.getByText('Built-in sample store')).toBeInTheDocument();
    expect(screen.getByText('db.internal:5432 / shop')).toBeInTheDocument();
    expect(screen.queryByRole('status', { name: 'Loading' })).toBeNull();
    // The built-in connection has no edit or delete.
    expect(screen.queryByRole('button', { name: 'Delete Sample Sales' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Edit Shop' })).toHaveAttribute(
      'href',
      '/connections/c1/edit',
    );
  });

  it('deletes after a confirmation', async () => {
    const { calls } = mockFetch(({ method }) =>
      method === 'DELETE' ? noContent() : json({ items, total: 2, offset: 0, limit: 20 }),
    );
    renderAs('admin');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Delete Shop' }));
    expect(calls.some((c) => c.method === 'DELETE')).toBe(false);
    const row = screen.getByText('Delete Shop?').closest('tr') as HTMLElement;
    await user.click(within(row).getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText('Shop was deleted.')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'DELETE')?.url).toBe('/api/v1/connections/c1');
  });

  it('is read-only for analysts, who may still test and sync', async () => {
    const { calls } = mockFetch(({ url }) => {
      if (url === '/api/v1/connections/c1/sync') {
        return json(
          {
            state: 'running',
            startedAt: '2024-05-01T10:00:00Z',
            finishedAt: null,
            tables: null,
            error: null,
          },
          202,
        );
      }
      if (url === '/api/v1/connections/c1/test') {
        return json({
          ok: true,
          latencyMs: 3,
          serverVersion: 'PostgreSQL 16',
          message: null,
          warnings: [],
        });
      }
      return json({ items, total: 2, offset: 0, limit: 20 });
    });
    renderAs('analyst');
    const user = userEvent.setup();
    expect(await screen.findByText('Shop')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Add connection' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Edit Shop' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Delete Shop' })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Test Shop' }));
    expect(await screen.findByText('Connection works')).toBeInTheDocument();
    const row = screen.getByRole('link', { name: 'Shop' }).closest('tr') as HTMLElement;
    await user.click(within(row).getByRole('button', { name: 'Sync schema' }));
    expect(await within(row).findByText('Discovering tables…')).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'POST' && c.url === '/api/v1/connections/c1/sync')).toBe(
      true,
    );
  });

  it('shows no test or sync to viewers', async () => {
    mockFetch(() => json({ items, total: 2, offset: 0, limit: 20 }));
    renderAs('viewer');
    expect(await screen.findByText('Shop')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Test Shop' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Schema of Shop' })).toBeInTheDocument();
  });
});
