import { useMemo, useState } from 'react';
import { Pagination } from '@/components/Pagination';
import { isNumericColumn, type Cell, type ResultData } from '../types';
import { csvFileName, downloadCsv, toCsv } from './csv';
import { cellText, nextSort, pageOf, sortRows, type SortState } from './table-model';

const PAGE_SIZE = 10;

function CellValue({ value }: { value: Cell | undefined }) {
  if (value === null || value === undefined) return <span className="cell-null">null</span>;
  return <>{cellText(value)}</>;
}

function sortLabel(sort: SortState | null, column: number): 'ascending' | 'descending' | 'none' {
  if (sort?.column !== column) return 'none';
  return sort.direction === 'asc' ? 'ascending' : 'descending';
}

interface ResultTableProps {
  result: ResultData;
  /** Names the CSV file and the table. */
  title: string;
}

/** A result: sortable by any column, paged on the client, downloadable as CSV. */
export function ResultTable({ result, title }: ResultTableProps) {
  const [sort, setSort] = useState<SortState | null>(null);
  const [offset, setOffset] = useState(0);
  const sorted = useMemo(() => sortRows(result.rows, sort), [result.rows, sort]);
  const page = pageOf(sorted, offset, PAGE_SIZE);
  const numeric = result.columns.map(isNumericColumn);
  const partial = result.rows.length < result.rowCount || result.truncated;

  return (
    <section className="result" aria-label={`Result: ${title}`}>
      <div className="result__toolbar">
        <span className="muted">
          {result.rowCount.toLocaleString()} row{result.rowCount === 1 ? '' : 's'}
          {result.truncated && ' (stopped at the row limit)'}
          {partial && result.rows.length > 0 && ` · showing the first ${result.rows.length}`}
        </span>
        <button
          type="button"
          className="btn btn--ghost btn--sm"
          disabled={result.columns.length === 0}
          onClick={() => downloadCsv(csvFileName(title), toCsv(result.columns, sorted))}
        >
          Download CSV
        </button>
      </div>
      <div className="table-wrap">
        <table className="table table--compact">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              {result.columns.map((column, i) => (
                <th
                  key={`${column.name}-${i}`}
                  scope="col"
                  aria-sort={sortLabel(sort, i)}
                  className={numeric[i] ? 'num' : undefined}
                >
                  <button
                    type="button"
                    className="sort-button"
                    onClick={() => {
                      setSort(nextSort(sort, i));
                      setOffset(0);
                    }}
                  >
                    {column.name}
                    <span aria-hidden="true" className="sort-button__arrow">
                      {sort?.column === i ? (sort.direction === 'asc' ? '▲' : '▼') : ''}
                    </span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {page.items.length === 0 && (
              <tr>
                <td colSpan={Math.max(1, result.columns.length)} className="table__empty">
                  The query returned no rows.
                </td>
              </tr>
            )}
            {page.items.map((row, r) => (
              <tr key={page.offset + r}>
                {result.columns.map((_, i) => (
                  <td key={i} className={numeric[i] ? 'num' : undefined}>
                    <CellValue value={row[i]} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {page.total > PAGE_SIZE && (
        <Pagination
          offset={page.offset}
          limit={PAGE_SIZE}
          total={page.total}
          count={page.items.length}
          onChange={setOffset}
        />
      )}
    </section>
  );
}
