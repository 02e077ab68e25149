import { Link } from 'react-router';
import { Alert } from '@/components/Alert';
import { Skeleton } from '@/components/Skeleton';
import { PlusIcon } from '@/components/icons';
import { errorMessage, type Page } from '@/lib/api';
import type { ChatSession } from '../types';
import { SessionItem } from './SessionItem';

interface SessionsSidebarProps {
  page: Page<ChatSession> | undefined;
  error: unknown;
  loading: boolean;
  onReload: () => void;
  onShowMore: () => void;
  onDeleted: (session: ChatSession) => void;
  /** Analysts and above rename and delete their conversations. */
  canEdit: boolean;
}

function SessionSkeletons() {
  return (
    <ul className="sessions__list" role="status" aria-label="Loading conversations">
      {[70, 90, 55, 80, 65].map((w, i) => (
        <li key={i} className="session session--skeleton">
          <Skeleton width={`${w}%`} height="0.9rem" />
        </li>
      ))}
    </ul>
  );
}

/** The user's conversations, newest first, with a button for a new one. */
export function SessionsSidebar({
  page,
  error,
  loading,
  onReload,
  onShowMore,
  onDeleted,
  canEdit,
}: SessionsSidebarProps) {
  return (
    <nav className="sessions" aria-label="Conversations">
      {canEdit && (
        <Link to="/chat" className="btn btn--primary btn--block sessions__new">
          <PlusIcon width={16} height={16} />
          New conversation
        </Link>
      )}
      {error && !page ? (
        <div className="sessions__error">
          <Alert title="Could not load conversations">{errorMessage(error)}</Alert>
          <button type="button" className="btn btn--ghost btn--sm" onClick={onReload}>
            Try again
          </button>
        </div>
      ) : !page ? (
        <SessionSkeletons />
      ) : page.items.length === 0 ? (
        <p className="sessions__empty muted">No conversations yet. Ask a question to start one.</p>
      ) : (
        <>
          <ul className="sessions__list" aria-busy={loading}>
            {page.items.map((s) => (
              <SessionItem
                key={String(s.id)}
                session={s}
                canEdit={canEdit}
                onRenamed={onReload}
                onDeleted={onDeleted}
              />
            ))}
          </ul>
          {page.items.length < page.total && (
            <button
              type="button"
              className="btn btn--ghost btn--sm sessions__more"
              disabled={loading}
              onClick={onShowMore}
            >
              Show more
            </button>
          )}
        </>
      )}
    </nav>
  );
}
