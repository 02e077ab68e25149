import { useId, useState } from 'react';
import { ApiError, errorMessage, type Id } from '@/lib/api';
import { chatApi } from '../api';
import { ResultView } from '../result/ResultView';
import type { ResultData } from '../types';
import { CopyButton } from './CopyButton';

interface SqlPanelProps {
  sql: string;
  connectionId: Id;
  /** Analysts and above may edit the SQL and run it again. */
  canEdit: boolean;
  title: string;
}

interface Rerun {
  /** Counts runs, so each result starts on its first page, unsorted. */
  run: number;
  sql: string;
  result: ResultData;
  durationMs: number;
}

/** The answer's SQL with a copy button; analysts can edit it and run it again through the guard. */
export function SqlPanel({ sql, connectionId, canEdit, title }: SqlPanelProps) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(sql);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [rerun, setRerun] = useState<Rerun | null>(null);
  const editorId = useId();

  const run = async () => {
    setRunning(true);
    setError(null);
    try {
      const result = await chatApi.runQuery(connectionId, draft);
      setRerun((prev) => ({
        run: (prev?.run ?? 0) + 1,
        sql: draft,
        result,
        durationMs: result.durationMs,
      }));
      if (result.error) {
        // The rows before the failure are shown; the editor stays open with the reason.
        const rows = `${result.rowCount.toLocaleString()} row${result.rowCount === 1 ? '' : 's'}`;
        setError(`Stopped after ${rows}: ${result.error.detail}`);
      } else {
        setEditing(false);
      }
    } catch (e) {
      setError(e instanceof ApiError ? (e.fieldError('sql') ?? e.message) : errorMessage(e));
    } finally {
      setRunning(false);
    }
  };

  return (
    <section className="sql-panel" aria-label="SQL">
      <div className="sql-panel__toolbar">
        <span className="section-label">SQL</span>
        <div className="sql-panel__actions">
          <CopyButton text={editing ? draft : sql} label="Copy SQL" />
          {canEdit && !editing && (
            <button
              type="button"
              className="btn btn--ghost btn--sm"
              onClick={() => {
                setEditing(true);
                setDraft(rerun?.sql ?? sql);
              }}
            >
              Edit and run
            </button>
          )}
        </div>
      </div>
      {editing ? (
        <form
          className="sql-panel__editor"
          onSubmit={(e) => {
            e.preventDefault();
            void run();
          }}
        >
          <label htmlFor={editorId} className="visually-hidden">
            SQL to run
          </label>
          <textarea
            id={editorId}
            className="input code-input"
            value={draft}
            rows={Math.min(16, Math.max(4, draft.split('\n').length + 1))}
            spellCheck={false}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${editorId}-error` : undefined}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                void run();
              }
            }}
          />
          {error && (
            <p className="field__error" id={`${editorId}-error`} role="alert">
              {error}
            </p>
          )}
          <div className="sql-panel__actions">
            <button
              type="submit"
              className="btn btn--primary btn--sm"
              disabled={running || !draft.trim()}
            >
              {running ? 'Running…' : 'Run'}
            </button>
            <button
              type="button"
              className="btn btn--ghost btn--sm"
              onClick={() => {
                setEditing(false);
                setError(null);
              }}
            >
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <pre className="code-block">
          <code>{sql}</code>
        </pre>
      )}
      {rerun && (
        <div className="rerun">
          <p className="section-label">
            Edited query <span className="muted">· {rerun.durationMs} ms</span>
          </p>
          {rerun.sql !== sql && (
            <pre className="code-block">
              <code>{rerun.sql}</code>
            </pre>
          )}
          <ResultView
            key={rerun.run}
            result={rerun.result}
            chart={null}
            title={`${title} (edited)`}
          />
        </div>
      )}
    </section>
  );
}
