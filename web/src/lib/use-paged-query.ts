import { useState } from 'react';
import type { Page } from '@/lib/api';
import { useQuery, type QueryResult } from '@/lib/use-query';

export interface PagedQuery<T> extends QueryResult<Page<T>> {
  offset: number;
  limit: number;
  setOffset: (offset: number) => void;
  /** After a row of this page was removed: step back when it was the page's last row, else reload. */
  afterRemove: () => void;
}

/** One page of a server-paginated list at a time, `limit` rows a page, re-fetched when `key` changes. */
export function usePagedQuery<T>(
  key: string,
  fetchPage: (offset: number, limit: number, signal: AbortSignal) => Promise<Page<T>>,
  limit: number,
): PagedQuery<T> {
  const [offset, setOffset] = useState(0);
  const query = useQuery(`${key}:${offset}`, (signal) => fetchPage(offset, limit, signal));
  const afterRemove = () => {
    if (query.data && query.data.items.length === 1 && offset > 0) {
      setOffset(Math.max(0, offset - limit));
    } else {
      query.reload();
    }
  };
  return { ...query, offset, limit, setOffset, afterRemove };
}
