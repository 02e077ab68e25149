import { useCallback, useEffect, useEffectEvent, useState } from 'react';

export interface QueryResult<T> {
  /** The latest data; kept while a new key loads so lists don't flash. */
  data: T | undefined;
  error: unknown;
  /** True until the data (or error) for the current key has arrived. */
  loading: boolean;
  reload: () => void;
}

interface Settled<T> {
  key: string;
  data: T | undefined;
  error: unknown;
}

/**
 * Loads data for `key` with `fetcher`, again whenever `key` changes or `reload()` is called.
 * Out-of-date answers are dropped and aborted.
 */
export function useQuery<T>(
  key: string,
  fetcher: (signal: AbortSignal) => Promise<T>,
): QueryResult<T> {
  const [version, setVersion] = useState(0);
  const [settled, setSettled] = useState<Settled<T>>({
    key: '',
    data: undefined,
    error: undefined,
  });
  const fullKey = `${key}#${version}`;
  const load = useEffectEvent((signal: AbortSignal) => fetcher(signal));

  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setSettled({ key: fullKey, data, error: undefined });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) {
          setSettled((prev) => ({ key: fullKey, data: prev.data, error }));
        }
      },
    );
    return () => {
      controller.abort();
    };
  }, [fullKey]);

  const reload = useCallback(() => {
    setVersion((v) => v + 1);
  }, []);

  const loading = settled.key !== fullKey;
  return {
    data: settled.data,
    error: loading ? undefined : settled.error,
    loading,
    reload,
  };
}
