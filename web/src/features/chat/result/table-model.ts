import type { Cell, Row } from '../types';

export type SortDirection = 'asc' | 'desc';

export interface SortState {
  column: number;
  direction: SortDirection;
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

function isEmpty(cell: Cell | undefined): boolean {
  return cell === null || cell === undefined || cell === '';
}

function asNumber(cell: Cell | undefined): number | undefined {
  if (typeof cell === 'number') return cell;
  if (typeof cell === 'boolean') return cell ? 1 : 0;
  // Big decimals may arrive as strings.
  if (typeof cell === 'string' && /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(cell.trim())) {
    return Number(cell);
  }
  return undefined;
}

/** Orders two cells: numbers by value, everything else as text with numeric runs compared as numbers. */
export function compareCells(a: Cell | undefined, b: Cell | undefined): number {
  const na = asNumber(a);
  const nb = asNumber(b);
  if (na !== undefined && nb !== undefined) return na - nb;
  return collator.compare(cellText(a), cellText(b));
}

/** Sorts by one column; empty cells go last in either direction. Stable, and leaves `rows` alone. */
export function sortRows(rows: readonly Row[], sort: SortState | null): Row[] {
  if (!sort) return rows.slice();
  const sign = sort.direction === 'asc' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index }))
    .sort((x, y) => {
      const a = x.row[sort.column];
      const b = y.row[sort.column];
      const ea = isEmpty(a);
      const eb = isEmpty(b);
      if (ea || eb) return ea === eb ? x.index - y.index : ea ? 1 : -1;
      return sign * compareCells(a, b) || x.index - y.index;
    })
    .map(({ row }) => row);
}

/** Clicking a header: ascending, then descending, then back to the query's order. */
export function nextSort(current: SortState | null, column: number): SortState | null {
  if (!current || current.column !== column) return { column, direction: 'asc' };
  if (current.direction === 'asc') return { column, direction: 'desc' };
  return null;
}

export interface PageSlice<T> {
  items: T[];
  /** The (clamped) first index shown. */
  offset: number;
  total: number;
}

/** One page of `items`; an offset past the end shows the last page. */
export function pageOf<T>(items: readonly T[], offset: number, size: number): PageSlice<T> {
  const total = items.length;
  const lastStart = total === 0 ? 0 : Math.floor((total - 1) / size) * size;
  const start = Math.min(Math.max(0, Math.floor(offset / size) * size), lastStart);
  return { items: items.slice(start, start + size), offset: start, total };
}

/** A cell as text for the table, CSV and comparisons. */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number' || typeof cell === 'boolean') return String(cell);
  return JSON.stringify(cell);
}
