import type { ReactNode } from 'react';
import { LoadError } from '@/components/LoadError';
import { PagedTable } from '@/components/PagedTable';
import { TableSkeleton } from '@/components/Skeleton';
import type { PagedQuery } from '@/lib/use-paged-query';

interface PagedListCardProps<T> {
  /** The card's accessible name, e.g. "Member list". */
  label: string;
  /** Heading of the error shown when the list cannot load. */
  errorTitle: string;
  /** Column headings; a last, visually hidden "Actions" column is added. */
  headings: string[];
  empty: string;
  skeletonRows: number;
  paged: PagedQuery<T>;
  row: (item: T) => ReactNode;
}

/** A card holding a paginated list with a trailing actions column: skeleton, error with retry, or the table. */
export function PagedListCard<T>({
  label,
  errorTitle,
  headings,
  empty,
  skeletonRows,
  paged,
  row,
}: PagedListCardProps<T>) {
  const columns = headings.length + 1;
  return (
    <section className="card card--flush" aria-label={label} aria-busy={paged.loading}>
      {paged.error ? (
        <LoadError
          className="card__body"
          title={errorTitle}
          error={paged.error}
          onRetry={paged.reload}
        />
      ) : !paged.data ? (
        <TableSkeleton rows={skeletonRows} columns={columns} />
      ) : (
        <PagedTable
          head={
            <>
              {headings.map((h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
              <th scope="col" className="table__actions">
                <span className="visually-hidden">Actions</span>
              </th>
            </>
          }
          columns={columns}
          empty={empty}
          page={paged.data}
          paged={paged}
        >
          {paged.data.items.map(row)}
        </PagedTable>
      )}
    </section>
  );
}
