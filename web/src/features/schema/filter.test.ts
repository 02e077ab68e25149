import { describe, expect, it } from 'vitest';
import type { ColumnInfo, TableInfo } from './api';
import { filterTables } from './filter';

function column(name: string, type = 'VARCHAR', sampleValues: string[] = []): ColumnInfo {
  return { name, type, category: 'text', nullable: true, position: 1, comment: null, sampleValues };
}

function table(name: string, columns: ColumnInfo[], comment: string | null = null): TableInfo {
  return {
    schema: 'main',
    name,
    kind: 'TABLE',
    comment,
    rowEstimate: null,
    columns,
    primaryKey: [],
    foreignKeys: [],
  };
}

const tables = [
  table('customers', [
    column('id', 'BIGINT'),
    column('email'),
    column('segment', 'VARCHAR', ['Enterprise', 'SMB']),
  ]),
  table('orders', [column('id', 'BIGINT'), column('customer_id', 'BIGINT'), column('status')]),
  table('payments', [column('amount', 'DECIMAL(10,2)')], 'Card and bank payments'),
];

describe('filterTables', () => {
  it('finds every table for an empty search', () => {
    expect(filterTables(tables, '  ').map((m) => m.table.name)).toEqual([
      'customers',
      'orders',
      'payments',
    ]);
  });

  it('matches table names, columns, types, comments and sample values, ignoring case', () => {
    expect(filterTables(tables, 'ORDER').map((m) => m.table.name)).toEqual(['orders']);
    const byColumn = filterTables(tables, 'customer');
    expect(byColumn.map((m) => m.table.name)).toEqual(['customers', 'orders']);
    expect([...byColumn[1]!.matchingColumns]).toEqual(['customer_id']);
    expect(
      filterTables(tables, 'enterprise').map((m) => [m.table.name, [...m.matchingColumns]]),
    ).toEqual([['customers', ['segment']]]);
    expect(filterTables(tables, 'decimal').map((m) => m.table.name)).toEqual(['payments']);
    expect(filterTables(tables, 'bank').map((m) => m.table.name)).toEqual(['payments']);
    expect(filterTables(tables, 'main.pay').map((m) => m.table.name)).toEqual(['payments']);
    expect(filterTables(tables, 'nothing-like-this')).toEqual([]);
  });
});
