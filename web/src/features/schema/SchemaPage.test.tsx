import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, mockFetch, problem } from '@/testing/fetch';
import { ADA, authValue, renderRoutes } from '@/testing/render';
import type { SyncStatus } from '@/features/connections/api';
import type { SchemaSnapshot } from './api';
import { SchemaPage } from './SchemaPage';

afterEach(() => {
  vi.unstubAllGlobals();
});

const snapshot: SchemaSnapshot = {
  connectionId: 'c1',
  discoveredAt: '2024-05-01T10:00:00Z',
  tables: [
    {
      schema: 'main',
      name: 'customers',
      kind: 'TABLE',
      comment: 'People who bought',
      rowEstimate: 1200,
      columns: [
        {
          name: 'id',
          type: 'BIGINT',
          category: 'integer',
          nullable: false,
          position: 1,
          comment: null,
          sampleValues: [],
        },
        {
          name: 'segment',
          type: 'VARCHAR',
          category: 'text',
          nullable: true,
          position: 2,
          comment: null,
          sampleValues: ['Consumer', 'Business'],
        },
      ],
      primaryKey: ['id'],
      foreignKeys: [],
    },
    {
      schema: 'main',
      name: 'orders',
      kind: 'TABLE',
      comment: null,
      rowEstimate: null,
      columns: [
        {
          name: 'id',
          type: 'BIGINT',
          category: 'integer',
          nullable: false,
          position: 1,
          comment: null,
          sampleValues: [],
        },
        {
          name: 'customer_id',
          type: 'BIGINT',
          category: 'integer',
          nullable: false,
          position: 2,
          comment: null,
          sampleValues: [],
        },
      ],
      primaryKey: ['id'],
      foreignKeys: [
        {
          name: 'fk_customer',
          columns: ['customer_id'],
          referencedSchema: 'main',
          referencedTable: 'customers',
          referencedColumns: ['id'],
        },
      ],
    },
  ],
};

const DONE: SyncStatus = {
  state: 'done',
  startedAt: null,
  finishedAt: '2024-05-01T10:00:00Z',
  tables: 2,
  error: null,
};

function renderSchema(discovered = true, sync: SyncStatus = DONE) {
  mockFetch(({ url }) => {
    if (url === '/api/v1/connections/c1/schema') {
      return discovered
        ? json(snapshot)
        : problem(404, { title: 'Not Found', detail: 'Schema not found' });
    }
    if (url === '/api/v1/connections/c1/sync') {
      return json(sync);
    }
    return json({
      id: 'c1',
      name: 'Sample Sales',
      type: 'duckdb',
      managed: true,
      managedKind: 'sample',
      properties: {},
    });
  });
  return renderRoutes([{ path: '/connections/:id/schema', element: <SchemaPage /> }], {
    path: '/connections/c1/schema',
    auth: authValue(ADA),
  });
}

describe('SchemaPage', () => {
  it('shows tables with columns, types, keys and sample values', async () => {
    renderSchema();
    const customers = await screen.findByRole('region', { name: 'Table main.customers' });
    expect(screen.getByRole('heading', { name: 'Sample Sales' })).toBeInTheDocument();
    expect(within(customers).getByText('Consumer, Business')).toBeInTheDocument();
    expect(within(customers).getByTitle('Primary key')).toBeInTheDocument();
    expect(within(customers).getByText('≈ 1,200 rows')).toBeInTheDocument();
    const orders = screen.getByRole('region', { name: 'Table main.orders' });
    expect(within(orders).getByTitle('References customers.id')).toBeInTheDocument();
    expect(within(orders).getByText('customer_id → customers(id)')).toBeInTheDocument();
  });

  it('filters tables as you search', async () => {
    renderSchema();
    const user = userEvent.setup();
    await screen.findByRole('region', { name: 'Table main.orders' });
    await user.type(screen.getByRole('searchbox', { name: 'Search the schema' }), 'business');
    expect(await screen.findByText('1 of 2 tables match')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Table main.orders' })).toBeNull();
    const match = screen.getByText('segment').closest('tr');
    expect(match).toHaveClass('schema-column--match');

    await user.clear(screen.getByRole('searchbox', { name: 'Search the schema' }));
    await user.type(screen.getByRole('searchbox', { name: 'Search the schema' }), 'zzz');
    expect(await screen.findByText('No table or column matches.')).toBeInTheDocument();
  });

  it('shows how far a running sync is', async () => {
    renderSchema(false, {
      state: 'running',
      startedAt: '2024-05-01T10:00:00Z',
      finishedAt: null,
      tables: null,
      error: null,
      progress: { phase: 'samples', done: 1250, total: 4000 },
    });
    expect(await screen.findByText('Sampling values… 1,250 of 4,000 tables')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Syncing…' })).toBeDisabled();
  });

  it('says when the schema is not discovered yet', async () => {
    renderSchema(false);
    expect(await screen.findByText('Not discovered yet')).toBeInTheDocument();
  });
});
