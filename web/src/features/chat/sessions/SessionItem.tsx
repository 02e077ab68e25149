import { useState } from 'react';
import { NavLink } from 'react-router';
import { PencilIcon, TrashIcon } from '@/components/icons';
import { errorMessage } from '@/lib/api';
import { chatApi } from '../api';
import type { ChatSession } from '../types';

interface SessionItemProps {
  session: ChatSession;
  onRenamed: () => void;
  onDeleted: (session: ChatSession) => void;
  canEdit: boolean;
}

type Mode = 'view' | 'renaming' | 'confirming';

/** One conversation in the sidebar: a link, with rename and delete (after confirming). */
export function SessionItem({ session, onRenamed, onDeleted, canEdit }: SessionItemProps) {
  const [mode, setMode] = useState<Mode>('view');
  const [title, setTitle] = useState(session.title);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const href = `/chat/${encodeURIComponent(String(session.id))}`;

  const rename = async () => {
    const next = title.trim();
    if (!next || next === session.title) {
      setMode('view');
      setTitle(session.title);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await chatApi.rename(session.id, next);
      setMode('view');
      onRenamed();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      await chatApi.remove(session.id);
      onDeleted(session);
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  };

  if (mode === 'renaming') {
    return (
      <li className="session session--editing">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void rename();
          }}
        >
          <input
            className="input input--sm"
            aria-label="Conversation title"
            value={title}
            maxLength={200}
            disabled={busy}
            autoFocus
            onChange={(e) => setTitle(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                setMode('view');
                setTitle(session.title);
                setError(null);
              }
            }}
          />
          <div className="session__actions">
            <button type="submit" className="btn btn--primary btn--sm" disabled={busy}>
              Save
            </button>
            <button
              type="button"
              className="btn btn--ghost btn--sm"
              onClick={() => {
                setMode('view');
                setTitle(session.title);
                setError(null);
              }}
            >
              Cancel
            </button>
          </div>
        </form>
        {error && (
          <p className="field__error" role="alert">
            {error}
          </p>
        )}
      </li>
    );
  }

  return (
    <li className="session">
      <NavLink
        to={href}
        className={({ isActive }) =>
          isActive ? 'session__link session__link--active' : 'session__link'
        }
        title={session.title}
      >
        {session.title}
      </NavLink>
      {mode === 'confirming' ? (
        <div className="session__actions" role="group" aria-label={`Delete “${session.title}”?`}>
          <span className="confirm__text">Delete?</span>
          <button
            type="button"
            className="btn btn--danger btn--sm"
            disabled={busy}
            onClick={() => void remove()}
          >
            {busy ? 'Deleting…' : 'Delete'}
          </button>
          <button type="button" className="btn btn--ghost btn--sm" onClick={() => setMode('view')}>
            Cancel
          </button>
        </div>
      ) : (
        canEdit && (
          <div className="session__actions session__actions--hover">
            <button
              type="button"
              className="icon-button"
              aria-label={`Rename “${session.title}”`}
              onClick={() => {
                setTitle(session.title);
                setMode('renaming');
              }}
            >
              <PencilIcon />
            </button>
            <button
              type="button"
              className="icon-button"
              aria-label={`Delete “${session.title}”`}
              onClick={() => setMode('confirming')}
            >
              <TrashIcon />
            </button>
          </div>
        )
      )}
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}
