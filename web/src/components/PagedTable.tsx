import type { ReactNode } from 'react';
import { Pagination } from '@/components/Pagination';
import type { Page } from '@/lib/api';
import type { PagedQuery } from '@/lib/use-paged-query';

interface PagedTableProps<T> {
  /** The header cells (`<th scope="col">`). */
  head: ReactNode;
  /** How many columns a row has, for the empty-page row. */
  columns: number;
  /** Said in place of rows when the page has none. */
  empty: string;
  /** The page on show; `paged.loading` means a newer one is loading: the rows dim and paging waits. */
  page: Page<T>;
  paged: Pick<PagedQuery<T>, 'offset' | 'limit' | 'setOffset' | 'loading'>;
  /** The rows of this page. */
  children: ReactNode;
}

/** One page of a server-paginated list as a table, with its pagination beneath. */
export function PagedTable<T>({ head, columns, empty, page, paged, children }: PagedTableProps<T>) {
  const count = page.items.length;
  return (
    <>
      <div className="table-wrap">
        <table className={paged.loading ? 'table table--stale' : 'table'}>
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
        offset={paged.offset}
        limit={paged.limit}
        total={page.total}
        count={count}
        onChange={paged.setOffset}
        disabled={paged.loading}
      />
    </>
  );
}
