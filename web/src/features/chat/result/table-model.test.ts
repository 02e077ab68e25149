import { describe, expect, it } from 'vitest';
import { compareCells, nextSort, pageOf, sortRows } from './table-model';

describe('sortRows', () => {
  const rows = [
    ['b', 10, '2024-02-01'],
    ['a', 9, null],
    ['item 10', '100.5', '2023-12-31'],
    ['item 2', 2, '2024-01-15'],
    [null, -1, ''],
  ];

  it('sorts numbers by value, including big decimals sent as strings', () => {
    const byNumber = sortRows(rows, { column: 1, direction: 'asc' });
    expect(byNumber.map((r) => r[1])).toEqual([-1, 2, 9, 10, '100.5']);
    const desc = sortRows(rows, { column: 1, direction: 'desc' });
    expect(desc.map((r) => r[1])).toEqual(['100.5', 10, 9, 2, -1]);
  });

  it('sorts text naturally and keeps empty cells last in both directions', () => {
    expect(sortRows(rows, { column: 0, direction: 'asc' }).map((r) => r[0])).toEqual([
      'a',
      'b',
      'item 2',
      'item 10',
      null,
    ]);
    expect(sortRows(rows, { column: 0, direction: 'desc' }).map((r) => r[0])).toEqual([
      'item 10',
      'item 2',
      'b',
      'a',
      null,
    ]);
    expect(sortRows(rows, { column: 2, direction: 'desc' }).map((r) => r[2])).toEqual([
      '2024-02-01',
      '2024-01-15',
      '2023-12-31',
      null,
      '',
    ]);
  });

  it('is stable and leaves the input alone', () => {
    const ties = [
      ['x', 1],
      ['y', 1],
      ['z', 0],
    ];
    const copy = structuredClone(ties);
    expect(sortRows(ties, { column: 1, direction: 'asc' }).map((r) => r[0])).toEqual([
      'z',
      'x',
      'y',
    ]);
    expect(sortRows(ties, { column: 1, direction: 'desc' }).map((r) => r[0])).toEqual([
      'x',
      'y',
      'z',
    ]);
    expect(ties).toEqual(copy);
    expect(sortRows(ties, null)).toEqual(ties);
  });

  it('compares booleans and mixed values', () => {
    expect(compareCells(true, false)).toBeGreaterThan(0);
    expect(compareCells('abc', 5)).toBeGreaterThan(0);
  });
});

describe('nextSort', () => {
  it('cycles ascending, descending, unsorted; another column starts ascending', () => {
    const asc = nextSort(null, 2);
    expect(asc).toEqual({ column: 2, direction: 'asc' });
    const desc = nextSort(asc, 2);
    expect(desc).toEqual({ column: 2, direction: 'desc' });
    expect(nextSort(desc, 2)).toBeNull();
    expect(nextSort(desc, 0)).toEqual({ column: 0, direction: 'asc' });
  });
});

describe('pageOf', () => {
  const items = Array.from({ length: 23 }, (_, i) => i);

  it('slices pages and clamps offsets past the end to the last page', () => {
    expect(pageOf(items, 0, 10)).toEqual({
      items: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
      offset: 0,
      total: 23,
    });
    expect(pageOf(items, 20, 10).items).toEqual([20, 21, 22]);
    expect(pageOf(items, 90, 10).offset).toBe(20);
    expect(pageOf(items, 15, 10).offset).toBe(10);
    expect(pageOf([], 30, 10)).toEqual({ items: [], offset: 0, total: 0 });
  });
});
