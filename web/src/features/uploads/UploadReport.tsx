import { useState } from 'react';
import { Link } from 'react-router';
import { ConfirmAction } from '@/components/ConfirmAction';
import { errorMessage } from '@/lib/api';
import { dropUploadedTable, type LoadReport } from './api';

const TYPE_LABELS: Record<string, string> = {
  integer: 'Whole number',
  decimal: 'Decimal number',
  date: 'Date',
  timestamp: 'Date and time',
  boolean: 'Yes / no',
  text: 'Text',
};

/** What an upload loaded: the new table, its columns and types, and the rows left out with why. */
export function UploadReport({ report }: { report: LoadReport }) {
  const more = report.rejected - report.rejections.length;
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [dropped, setDropped] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function drop() {
    setBusy(true);
    setError(null);
    try {
      await dropUploadedTable(report.table);
      setDropped(true);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  }

  if (dropped) {
    return (
      <section className="card" aria-label="Load report">
        <p role="status">
          Deleted the table <code>{report.table}</code>.
        </p>
      </section>
    );
  }
  return (
    <section className="card" aria-label="Load report">
      <div className="card__header">
        <h2 className="card__title">
          Loaded {report.fileName} into <code>{report.table}</code>
        </h2>
        <p className="muted">
          The table is in the Uploads connection; DataMind is discovering it now, then you can ask
          about it.
        </p>
      </div>
      <dl className="upload__summary">
        <div>
          <dt className="muted">Rows loaded</dt>
          <dd data-testid="rows-loaded">{report.rowsLoaded.toLocaleString()}</dd>
        </div>
        <div>
          <dt className="muted">Rows rejected</dt>
          <dd data-testid="rows-rejected">{report.rejected.toLocaleString()}</dd>
        </div>
        <div>
          <dt className="muted">Columns</dt>
          <dd>{report.columns.length}</dd>
        </div>
      </dl>
      <p className="upload__actions">
        <Link className="btn btn--ghost btn--sm" to={`/connections/${report.connectionId}/schema`}>
          Browse the schema
        </Link>
        <ConfirmAction
          label="Delete table"
          busyLabel="Deleting…"
          ariaLabel={`Delete table ${report.table}`}
          question={`Delete ${report.table} and its ${report.rowsLoaded.toLocaleString()} rows?`}
          confirming={confirming}
          busy={busy}
          onAsk={() => setConfirming(true)}
          onConfirm={() => void drop()}
          onCancel={() => setConfirming(false)}
        />
      </p>
      {error && (
        <p className="form__error" role="alert">
          {error}
        </p>
      )}

      <div className="table-wrap">
        <table className="table" aria-label="Columns">
          <thead>
            <tr>
              <th scope="col">Column</th>
              <th scope="col">From header</th>
              <th scope="col">Type</th>
            </tr>
          </thead>
          <tbody>
            {report.columns.map((c) => (
              <tr key={c.name}>
                <td>
                  <code>{c.name}</code>
                </td>
                <td className="muted">{c.header || '(blank)'}</td>
                <td>
                  {TYPE_LABELS[c.type] ?? c.type} <span className="muted">{c.sqlType}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {report.rejections.length > 0 && (
        <>
          <h3 className="card__title">Rejected rows</h3>
          <div className="table-wrap">
            <table className="table" aria-label="Rejected rows">
              <thead>
                <tr>
                  <th scope="col">Line</th>
                  <th scope="col">Reason</th>
                </tr>
              </thead>
              <tbody>
                {report.rejections.map((r) => (
                  <tr key={r.line}>
                    <td>{r.line}</td>
                    <td>{r.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {more > 0 && (
            <p className="muted">…and {more.toLocaleString()} more rows were rejected.</p>
          )}
        </>
      )}
    </section>
  );
}
