import type { ReactNode } from 'react';
import { Pagination } from '@/components/Pagination';

interface PagedTableProps {
  /** The header cells (`<th scope="col">`). */
  head: ReactNode;
  /** How many columns a row has, for the empty-page row. */
  columns: number;
  /** Said in place of rows when the page has none. */
  empty: string;
  /** The rows of this page. */
  children: ReactNode;
  count: number;
  total: number;
  offset: number;
  limit: number;
  onPage: (offset: number) => void;
  /** A newer page is loading: the rows dim and paging waits. */
  loading: boolean;
}

/** One page of a server-paginated list as a table, with its pagination beneath. */
export function PagedTable({
  head,
  columns,
  empty,
  children,
  count,
  total,
  offset,
  limit,
  onPage,
  loading,
}: PagedTableProps) {
  return (
    <>
      <div className="table-wrap">
        <table className={loading ? 'table table--stale' : 'table'}>
          <thead>
            <tr>{head}</tr>
          </thead>
          <tbody>
            {count === 0 && (
              <tr>
                <td colSpan={columns} className="table__empty">
                  {empty}
                </td>
              </tr>
            )}
            {children}
          </tbody>
        </table>
      </div>
      <Pagination
        offset={offset}
        limit={limit}
        total={total}
        count={count}
        onChange={onPage}
        disabled={loading}
      />
    </>
  );
}
