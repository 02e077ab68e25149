import { useMemo, useState } from 'react';
import { Pagination } from '@/components/Pagination';
import { errorMessage } from '@/lib/api';
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
  /**
   * Fetches the whole result as CSV from the server. Used when the table holds only part of the result; without
   * it the CSV holds the rows shown.
   */
  fullCsv?: (() => Promise<string>) | undefined;
}

/** What the CSV holds, when that is not simply the table. */
function csvNote(result: ResultData, fromServer: boolean): string | null {
  if (fromServer && result.truncated) {
    return `The CSV holds the ${result.rowCount.toLocaleString()} rows the query returned: it stopped at its row limit.`;
  }
  if (!fromServer && result.rows.length < result.rowCount) {
    return `The CSV holds only the ${result.rows.length.toLocaleString()} rows shown here.`;
  }
  return null;
}

/**
 * A result: sortable by any column, paged on the client, downloadable as CSV. When the table holds every row the
 * CSV is made here, in the table's order; otherwise the whole result comes from the server, in the query's order.
 */
export function ResultTable({ result, title, fullCsv }: ResultTableProps) {
  const [sort, setSort] = useState<SortState | null>(null);
  const [offset, setOffset] = useState(0);
  const [downloading, setDownloading] = useState(false);
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const sorted = useMemo(() => sortRows(result.rows, sort), [result.rows, sort]);
  const page = pageOf(sorted, offset, PAGE_SIZE);
  const numeric = result.columns.map(isNumericColumn);
  const partial = result.rows.length < result.rowCount || result.truncated;
  const fromServer = fullCsv !== undefined && result.rows.length < result.rowCount;
  const note = csvNote(result, fromServer);

  async function download() {
    if (!fromServer) {
      downloadCsv(csvFileName(title), toCsv(result.columns, sorted));
      return;
    }
    setDownloading(true);
    setDownloadError(null);
    try {
      downloadCsv(csvFileName(title), await fullCsv());
    } catch (e) {
      setDownloadError(`The download failed: ${errorMessage(e)}`);
    } finally {
      setDownloading(false);
    }
  }

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
          disabled={result.columns.length === 0 || downloading}
          aria-busy={downloading}
          onClick={() => void download()}
        >
          {downloading ? 'Preparing CSV…' : 'Download CSV'}
        </button>
      </div>
      {note && <p className="result__note muted">{note}</p>}
      {downloadError && (
        <p className="result__note result__note--error" role="alert">
          {downloadError}
        </p>
      )}
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
