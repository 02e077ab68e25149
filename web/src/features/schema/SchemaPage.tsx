import { useCallback, useDeferredValue, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert } from '@/components/Alert';
import { PageHeader } from '@/components/PageHeader';
import { TableSkeleton } from '@/components/Skeleton';
import { useCurrentUser } from '@/features/auth/use-auth';
import { connectionsApi } from '@/features/connections/api';
import { SyncControl } from '@/features/connections/SyncControl';
import { typeLabel } from '@/features/connections/types';
import { ApiError, errorMessage } from '@/lib/api';
import { formatDateTime } from '@/lib/format';
import { hasRole } from '@/lib/roles';
import { useQuery } from '@/lib/use-query';
import { schemaApi, type TableInfo } from './api';
import { filterTables } from './filter';
import '@/features/connections/connections.css';

const SAMPLES_SHOWN = 8;
const RETRY_MS = 2000;

/** `/connections/:id/schema`: the discovered tables of a connection, searchable. */
export function SchemaPage() {
  const { id = '' } = useParams();
  const { user } = useCurrentUser();
  const [search, setSearch] = useState('');
  const deferredSearch = useDeferredValue(search);
  const connection = useQuery(`connection:${id}`, (signal) => connectionsApi.get(id, signal));
  const schema = useQuery(`schema:${id}`, (signal) => schemaApi.get(id, signal));
  const reloadSchema = schema.reload;
  const onSynced = useCallback(() => reloadSchema(), [reloadSchema]);

  const notDiscovered = schema.error instanceof ApiError && schema.error.status === 404;
  const missingConnection = connection.error instanceof ApiError && connection.error.status === 404;
  const matches = schema.data ? filterTables(schema.data.tables, deferredSearch) : [];
  const columnCount = schema.data?.tables.reduce((n, t) => n + t.columns.length, 0) ?? 0;

  // The first discovery runs in the background (asking for the schema starts it): look again shortly.
  useEffect(() => {
    if (!notDiscovered) return;
    const timer = setTimeout(reloadSchema, RETRY_MS);
    return () => clearTimeout(timer);
  }, [notDiscovered, reloadSchema]);

  if (missingConnection) {
    return (
      <div className="page">
        <Alert title="No such connection">
          It may have been deleted. <Link to="/connections">Back to connections</Link>
        </Alert>
      </div>
    );
  }

  return (
    <div className="page">
      <PageHeader
        title={connection.data?.name ?? 'Schema'}
        subtitle={
          <>
            {connection.data ? `${typeLabel(connection.data.type)} · ` : ''}
            {schema.data
              ? `${schema.data.tables.length} tables, ${columnCount} columns · discovered ${formatDateTime(schema.data.discoveredAt)}`
              : 'Tables, columns, keys and sample values'}{' '}
            · <Link to="/connections">All connections</Link>
          </>
        }
      >
        {hasRole(user.role, 'analyst') && (
          <SyncControl connectionId={id} loadStatus onDone={onSynced} />
        )}
      </PageHeader>

      {notDiscovered ? (
        <Alert tone="info" title="Not discovered yet">
          DataMind is reading this database’s tables. Sync to check again.
          <div>
            <button type="button" className="btn btn--ghost btn--sm" onClick={schema.reload}>
              Reload
            </button>
          </div>
        </Alert>
      ) : schema.error ? (
        <Alert title="Could not load the schema">{errorMessage(schema.error)}</Alert>
      ) : !schema.data ? (
        <section className="card card--flush" aria-label="Loading schema">
          <TableSkeleton rows={6} columns={4} />
        </section>
      ) : (
        <>
          <div className="schema__toolbar">
            <input
              type="search"
              className="input schema__search"
              placeholder="Search tables, columns, values…"
              aria-label="Search the schema"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
            />
            <span className="muted" role="status">
              {deferredSearch.trim()
                ? `${matches.length} of ${schema.data.tables.length} tables match`
                : ''}
            </span>
          </div>
          {matches.length === 0 ? (
            <p className="muted">
              {schema.data.tables.length === 0
                ? 'This database has no tables DataMind can read.'
                : 'No table or column matches.'}
            </p>
          ) : (
            <div className="schema__tables">
              {matches.map(({ table, matchingColumns }) => (
                <SchemaTable
                  key={`${table.schema ?? ''}.${table.name}`}
                  table={table}
                  matchingColumns={matchingColumns}
                />
              ))}
            </div>
          )}
        </>
      )}
    </div>
  );
}

function SchemaTable({
  table,
  matchingColumns,
}: {
  table: TableInfo;
  matchingColumns: Set<string>;
}) {
  const qualified = table.schema ? `${table.schema}.${table.name}` : table.name;
  const foreign = new Map<string, string>();
  for (const fk of table.foreignKeys) {
    fk.columns.forEach((c, i) => {
      foreign.set(c, `${fk.referencedTable}.${fk.referencedColumns[i] ?? ''}`);
    });
  }
  return (
    <section className="card card--flush" aria-label={`Table ${qualified}`}>
      <div className="card__body">
        <div className="schema-table__header">
          <h2 className="schema-table__name">{qualified}</h2>
          {table.kind === 'VIEW' && <span className="badge badge--muted">View</span>}
          {table.rowEstimate !== null && (
            <span className="muted">≈ {table.rowEstimate.toLocaleString()} rows</span>
          )}
          {table.comment && <span className="muted">{table.comment}</span>}
        </div>
        {table.foreignKeys.length > 0 && (
          <ul className="schema-table__fks" aria-label={`Foreign keys of ${qualified}`}>
            {table.foreignKeys.map((fk, i) => (
              <li key={fk.name ?? i}>
                {fk.columns.join(', ')} → {fk.referencedTable}({fk.referencedColumns.join(', ')})
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Column</th>
              <th scope="col">Type</th>
              <th scope="col">Null</th>
              <th scope="col">Sample values</th>
            </tr>
          </thead>
          <tbody>
            {table.columns.map((c) => (
              <tr
                key={c.name}
                className={matchingColumns.has(c.name) ? 'schema-column--match' : undefined}
              >
                <td>
                  <span className="schema-column__name">{c.name}</span>
                  {table.primaryKey.includes(c.name) && (
                    <span className="key" title="Primary key">
                      PK
                    </span>
                  )}
                  {foreign.has(c.name) && (
                    <span className="key key--fk" title={`References ${foreign.get(c.name) ?? ''}`}>
                      FK
                    </span>
                  )}
                  {c.comment && <div className="muted">{c.comment}</div>}
                </td>
                <td className="muted">{c.type}</td>
                <td className="muted">{c.nullable ? 'yes' : 'no'}</td>
                <td className="schema-column__samples">
                  {c.sampleValues.slice(0, SAMPLES_SHOWN).join(', ')}
                  {c.sampleValues.length > SAMPLES_SHOWN
                    ? ` … (${c.sampleValues.length - SAMPLES_SHOWN} more)`
                    : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
