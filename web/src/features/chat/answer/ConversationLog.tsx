import { useLayoutEffect, useRef } from 'react';
import { Link } from 'react-router';
import { Alert } from '@/components/Alert';
import { SkeletonText } from '@/components/Skeleton';
import { ApiError, errorMessage } from '@/lib/api';
import type { Conversation } from '../stream/use-conversation';
import type { Turn } from '../stream/turn-reducer';
import type { AnswerActions } from './AnswerView';
import { TurnView } from './TurnView';

/** What a screen reader hears when an answer is complete. */
function announcement(turn: Turn | undefined): string {
  if (!turn || turn.streaming) return '';
  const status = turn.answer?.status;
  if (status === 'answered') return 'Answer ready.';
  if (status === 'declined') return `Not answered. ${turn.answer?.message ?? ''}`;
  if (turn.stopped) return 'Stopped.';
  return `The question failed. ${turn.answer?.message ?? turn.error ?? ''}`;
}

function LoadError({ error, retry }: { error: unknown; retry: () => void }) {
  const notFound = error instanceof ApiError && error.status === 404;
  return (
    <div className="chat__notice">
      <Alert title={notFound ? 'Conversation not found' : 'Could not load this conversation'}>
        {notFound ? 'It may have been deleted.' : errorMessage(error)}
      </Alert>
      {notFound ? (
        <Link to="/chat" className="btn btn--ghost btn--sm">
          Start a new conversation
        </Link>
      ) : (
        <button type="button" className="btn btn--ghost btn--sm" onClick={retry}>
          Try again
        </button>
      )}
    </div>
  );
}

function Welcome() {
  return (
    <div className="chat__empty">
      <h2>Ask your data a question</h2>
      <p className="muted">
        For example “How many orders are there?” or “Revenue by month this year”. DataMind writes
        the SQL, runs it read-only, charts the result and explains it.
      </p>
    </div>
  );
}

/**
 * The turns of a conversation, scrolled to follow its end as answers grow, unless the user scrolled
 * up to read.
 */
export function ConversationLog({
  conversation,
  actions,
}: {
  conversation: Conversation;
  actions: AnswerActions;
}) {
  const { turns } = conversation;
  const logRef = useRef<HTMLDivElement>(null);
  const following = useRef(true);
  const turnCount = useRef(0);

  useLayoutEffect(() => {
    const log = logRef.current;
    if (!log) return;
    if (turns.length !== turnCount.current) {
      turnCount.current = turns.length;
      following.current = true;
    }
    if (following.current) log.scrollTop = log.scrollHeight;
  }, [turns]);

  return (
    <>
      <div
        className="chat__log"
        ref={logRef}
        onScroll={(e) => {
          const log = e.currentTarget;
          following.current = log.scrollHeight - log.scrollTop - log.clientHeight < 48;
        }}
      >
        {conversation.loadError ? (
          <LoadError error={conversation.loadError} retry={conversation.reload} />
        ) : conversation.loading ? (
          <div className="chat__notice" role="status" aria-label="Loading the conversation">
            <SkeletonText lines={4} />
          </div>
        ) : turns.length === 0 ? (
          <Welcome />
        ) : (
          turns.map((turn) => <TurnView key={turn.key} turn={turn} actions={actions} />)
        )}
      </div>
      <p className="visually-hidden" role="status">
        {announcement(turns.at(-1))}
      </p>
    </>
  );
}
