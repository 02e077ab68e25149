import { useEffect, useState } from 'react';
import { errorMessage } from '@/lib/api';
import { formatDateTime } from '@/lib/format';
import { connectionsApi, type SyncProgress, type SyncStatus } from './api';

const POLL_MS = 1000;

interface SyncControlProps {
  connectionId: string;
  /** Shows the last result on mount (one request); off in long lists. */
  loadStatus?: boolean;
  /** Told when a sync finished, so the caller can reload the schema. */
  onDone?: (status: SyncStatus) => void;
  compact?: boolean;
}

/** A "Sync schema" button with the state of the connection's background sync, polled while it runs. */
export function SyncControl({
  connectionId,
  loadStatus = false,
  onDone,
  compact,
}: SyncControlProps) {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [polling, setPolling] = useState(false);

  useEffect(() => {
    if (!loadStatus) return;
    const controller = new AbortController();
    connectionsApi.syncStatus(connectionId, controller.signal).then(
      (s) => {
        setStatus(s);
        if (s.state === 'running') setPolling(true);
      },
      () => undefined,
    );
    return () => controller.abort();
  }, [connectionId, loadStatus]);

  useEffect(() => {
    if (!polling) return;
    let cancelled = false;
    const controller = new AbortController();
    const timer = setInterval(() => {
      connectionsApi.syncStatus(connectionId, controller.signal).then(
        (s) => {
          if (cancelled) return;
          setStatus(s);
          if (s.state !== 'running') {
            setPolling(false);
            onDone?.(s);
          }
        },
        (e: unknown) => {
          if (cancelled) return;
          setError(errorMessage(e));
          setPolling(false);
        },
      );
    }, POLL_MS);
    return () => {
      cancelled = true;
      controller.abort();
      clearInterval(timer);
    };
  }, [polling, connectionId, onDone]);

  const start = async () => {
    setError(null);
    try {
      setStatus(await connectionsApi.startSync(connectionId));
      setPolling(true);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const running = status?.state === 'running';
  return (
    <span className="sync">
      <button
        type="button"
        className={compact ? 'btn btn--ghost btn--sm' : 'btn btn--ghost'}
        disabled={running}
        onClick={() => void start()}
      >
        {running ? 'Syncing…' : 'Sync schema'}
      </button>
      <span className="sync__status" role="status">
        {error ?? describe(status)}
      </span>
    </span>
  );
}

function describe(status: SyncStatus | null): string {
  if (!status) return '';
  switch (status.state) {
    case 'running':
      return status.progress ? describeProgress(status.progress) : 'Discovering tables…';
    case 'done':
      return `${status.tables ?? 0} tables · synced ${formatDateTime(status.finishedAt)}`;
    case 'failed':
      return `Sync failed: ${status.error ?? 'unknown error'}`;
    default:
      return 'Not synced yet';
  }
}

const COUNT = new Intl.NumberFormat('en');

function describeProgress({ phase, done, total }: SyncProgress): string {
  const of = (noun: string) =>
    total == null
      ? `${COUNT.format(done)} ${noun}`
      : `${COUNT.format(done)} of ${COUNT.format(total)} ${noun}`;
  switch (phase) {
    case 'tables':
      return `Reading tables… ${of('found')}`;
    case 'columns':
      return `Reading columns… ${of('read')}`;
    case 'keys':
      return total == null ? 'Reading keys…' : `Reading keys… ${of('tables')}`;
    case 'samples':
      return `Sampling values… ${of('tables')}`;
    default:
      return 'Connecting…';
  }
}
