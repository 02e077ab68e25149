import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { Alert } from '@/components/Alert';
import { ConfirmAction } from '@/components/ConfirmAction';
import { PagedListCard } from '@/components/PagedListCard';
import { PageHeader } from '@/components/PageHeader';
import { useCurrentUser } from '@/features/auth/use-auth';
import { errorMessage } from '@/lib/api';
import { hasRole } from '@/lib/roles';
import { usePagedQuery } from '@/lib/use-paged-query';
import { connectionsApi, type Connection, type ConnectionProbe } from './api';
import { ProbeResult } from './ProbeResult';
import { SyncControl } from './SyncControl';
import { typeLabel } from './types';
import './connections.css';

const PAGE_SIZE = 20;

/** Where a connection points, in a few words. */
function location(c: Connection): string {
  if (c.managedKind === 'sample') return 'Built-in sample store';
  if (c.managedKind === 'uploads') return 'Your uploaded files';
  if (c.filePath) return c.filePath;
  const host = c.host ?? '';
  const port = c.port === null ? '' : `:${c.port}`;
  return `${host}${port}${c.database ? ` / ${c.database}` : ''}`;
}

/** Every member sees the connections; analysts test and sync them; admins add, edit and delete. */
export function ConnectionsPage() {
  const { user } = useCurrentUser();
  const isAdmin = hasRole(user.role, 'admin');
  const isAnalyst = hasRole(user.role, 'analyst');
  const routeState = useLocation().state as { notice?: string } | null;
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; text: string } | null>(
    routeState?.notice ? { tone: 'success', text: routeState.notice } : null,
  );
  const [confirmId, setConfirmId] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [probe, setProbe] = useState<{ name: string; result: ConnectionProbe } | null>(null);
  const paged = usePagedQuery('connections', connectionsApi.list, PAGE_SIZE);

  const remove = async (c: Connection) => {
    setBusyId(c.id);
    setNotice(null);
    try {
      await connectionsApi.remove(c.id);
      setConfirmId(null);
      setNotice({ tone: 'success', text: `${c.name} was deleted.` });
      paged.afterRemove();
    } catch (e) {
      setNotice({ tone: 'error', text: errorMessage(e) });
    } finally {
      setBusyId(null);
    }
  };

  const test = async (c: Connection) => {
    setBusyId(c.id);
    setNotice(null);
    setProbe(null);
    try {
      setProbe({ name: c.name, result: await connectionsApi.testSaved(c.id) });
    } catch (e) {
      setNotice({ tone: 'error', text: errorMessage(e) });
    } finally {
      setBusyId(null);
    }
  };

  return (
    <div className="page">
      <PageHeader
        title="Connections"
        subtitle="The databases DataMind answers questions from. It only ever reads them."
      >
        <div className="page__actions">
          {isAnalyst && (
            <Link className="btn btn--ghost" to="/uploads">
              Upload a file
            </Link>
          )}
          {isAdmin && (
            <Link className="btn btn--primary" to="/connections/new">
              Add connection
            </Link>
          )}
        </div>
      </PageHeader>

      {notice && <Alert tone={notice.tone}>{notice.text}</Alert>}
      {probe && (
        <section className="card" aria-label={`Test of ${probe.name}`}>
          <h2 className="card__title">Test of {probe.name}</h2>
          <ProbeResult probe={probe.result} />
        </section>
      )}

      <PagedListCard
        label="Connection list"
        errorTitle="Could not load connections"
        headings={['Name', 'Type', 'Where']}
        empty="No connections on this page."
        skeletonRows={5}
        paged={paged}
        row={(c) => {
          const busy = busyId === c.id;
          const editable = isAdmin && !c.managed;
          return (
            <tr key={c.id}>
              <td>
                <Link className="connection__name" to={`/connections/${c.id}/schema`}>
                  {c.name}
                </Link>
                {c.managed && <span className="badge badge--muted">Built in</span>}
              </td>
              <td>{typeLabel(c.type)}</td>
              <td className="muted connection__where">{location(c)}</td>
              <td className="table__actions">
                <div className="connection__actions">
                  <Link
                    className="btn btn--ghost btn--sm"
                    to={`/connections/${c.id}/schema`}
                    aria-label={`Schema of ${c.name}`}
                  >
                    Schema
                  </Link>
                  {isAnalyst && (
                    <>
                      <button
                        type="button"
                        className="btn btn--ghost btn--sm"
                        disabled={busy}
                        aria-label={`Test ${c.name}`}
                        onClick={() => void test(c)}
                      >
                        Test
                      </button>
                      <SyncControl connectionId={c.id} compact />
                    </>
                  )}
                  {editable && (
                    <Link
                      className="btn btn--ghost btn--sm"
                      to={`/connections/${c.id}/edit`}
                      aria-label={`Edit ${c.name}`}
                    >
                      Edit
                    </Link>
                  )}
                  {editable && (
                    <ConfirmAction
                      label="Delete"
                      busyLabel="Deleting…"
                      ariaLabel={`Delete ${c.name}`}
                      question={`Delete ${c.name}?`}
                      confirming={confirmId === c.id}
                      busy={busy}
                      onAsk={() => setConfirmId(c.id)}
                      onConfirm={() => void remove(c)}
                      onCancel={() => setConfirmId(null)}
                    />
                  )}
                </div>
              </td>
            </tr>
          );
        }}
      />
      {!isAdmin && <p className="muted">Only admins add, change or delete connections.</p>}
    </div>
  );
}
