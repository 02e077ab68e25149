import type { TableInfo } from './api';

export interface TableMatch {
  table: TableInfo;
  /** Columns whose name, type, comment or sample values contain the search text. */
  matchingColumns: Set<string>;
}

/**
 * The tables a search finds: those whose name or comment contains the text (all their columns), and those with
 * a matching column (shown with the match marked). Case does not matter; an empty search finds every table.
 */
export function filterTables(tables: readonly TableInfo[], search: string): TableMatch[] {
  const needle = search.trim().toLowerCase();
  if (!needle) return tables.map((table) => ({ table, matchingColumns: new Set<string>() }));
  const has = (text: string | null | undefined) => (text ?? '').toLowerCase().includes(needle);
  const matches: TableMatch[] = [];
  for (const table of tables) {
    const qualified = table.schema ? `${table.schema}.${table.name}` : table.name;
    const columns = new Set(
      table.columns
        .filter(
          (c) => has(c.name) || has(c.type) || has(c.comment) || c.sampleValues.some((v) => has(v)),
        )
        .map((c) => c.name),
    );
    if (has(qualified) || has(table.comment) || columns.size > 0) {
      matches.push({ table, matchingColumns: columns });
    }
  }
  return matches;
}
