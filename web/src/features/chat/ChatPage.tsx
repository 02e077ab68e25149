import { useLayoutEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert } from '@/components/Alert';
import { SkeletonText } from '@/components/Skeleton';
import { useCurrentUser } from '@/features/auth/use-auth';
import { BudgetBar } from '@/features/budget/BudgetBar';
import { ApiError, errorMessage, type Id } from '@/lib/api';
import { hasRole } from '@/lib/roles';
import { useQuery } from '@/lib/use-query';
import { chatApi, defaultConnection } from './api';
import { TurnView } from './answer/TurnView';
import { Composer } from './composer/Composer';
import { SessionsSidebar } from './sessions/SessionsSidebar';
import { useConversation } from './stream/use-conversation';
import type { Turn } from './stream/turn-reducer';
import type { ChatSession } from './types';

const SESSIONS_PAGE = 30;

function announcement(turn: Turn | undefined): string {
  if (!turn || turn.streaming) return '';
  const status = turn.answer?.status;
  if (status === 'answered') return 'Answer ready.';
  if (status === 'declined') return `Not answered. ${turn.answer?.message ?? ''}`;
  if (turn.stopped) return 'Stopped.';
  return `The question failed. ${turn.answer?.message ?? turn.error ?? ''}`;
}

/** Ask questions of a connection and see the answers stream in; past conversations on the side. */
export function ChatPage() {
  const { sessionId } = useParams();
  const navigate = useNavigate();
  const { user } = useCurrentUser();
  const [sessionLimit, setSessionLimit] = useState(SESSIONS_PAGE);
  const [budgetVersion, setBudgetVersion] = useState(0);
  const [picked, setPicked] = useState<{ session: string | undefined; id: Id } | null>(null);
  const logRef = useRef<HTMLDivElement>(null);

  const sessions = useQuery(`chat-sessions:${sessionLimit}`, (signal) =>
    chatApi.sessions(0, sessionLimit, signal),
  );
  const connections = useQuery('chat-connections', (signal) => chatApi.connections(signal));
  const conversation = useConversation(sessionId, {
    onSessionCreated: (id) => {
      void navigate(`/chat/${encodeURIComponent(String(id))}`);
    },
    onAnswered: () => {
      sessions.reload();
      setBudgetVersion((v) => v + 1);
    },
  });

  const { turns } = conversation;
  // Asking stores a turn, so like every change it needs the analyst role; viewers read.
  const canAct = hasRole(user.role, 'analyst');
  const streamingTurn = turns.find((t) => t.streaming);
  const session = sessions.data?.items.find((s) => String(s.id) === sessionId);
  const connectionId =
    (picked && picked.session === sessionId ? picked.id : undefined) ??
    turns.at(-1)?.connectionId ??
    session?.connectionId ??
    defaultConnection(connections.data);

  // Follow the conversation's end as answers grow, unless the user scrolled up to read.
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

  const onDeleted = (deleted: ChatSession) => {
    sessions.reload();
    if (String(deleted.id) === sessionId) void navigate('/chat');
  };

  const ask = (question: string) => {
    if (connectionId !== undefined) conversation.ask(question, connectionId);
  };

  const notFound =
    conversation.loadError instanceof ApiError && conversation.loadError.status === 404;

  return (
    <div className="chat">
      <SessionsSidebar
        page={sessions.data}
        error={sessions.error}
        loading={sessions.loading}
        onReload={sessions.reload}
        onShowMore={() => setSessionLimit((n) => n + SESSIONS_PAGE)}
        onDeleted={onDeleted}
        canEdit={canAct}
      />
      <section className="chat__main">
        <header className="chat__header">
          <h1 className="chat__title">
            {session?.title ?? (sessionId ? 'Conversation' : 'New conversation')}
          </h1>
          <BudgetBar version={budgetVersion} />
        </header>

        <div
          className="chat__log"
          ref={logRef}
          onScroll={(e) => {
            const log = e.currentTarget;
            following.current = log.scrollHeight - log.scrollTop - log.clientHeight < 48;
          }}
        >
          {conversation.loadError ? (
            <div className="chat__notice">
              <Alert
                title={notFound ? 'Conversation not found' : 'Could not load this conversation'}
              >
                {notFound ? 'It may have been deleted.' : errorMessage(conversation.loadError)}
              </Alert>
              {notFound ? (
                <Link to="/chat" className="btn btn--ghost btn--sm">
                  Start a new conversation
                </Link>
              ) : (
                <button
                  type="button"
                  className="btn btn--ghost btn--sm"
                  onClick={conversation.reload}
                >
                  Try again
                </button>
              )}
            </div>
          ) : conversation.loading ? (
            <div className="chat__notice" role="status" aria-label="Loading the conversation">
              <SkeletonText lines={4} />
            </div>
          ) : turns.length === 0 ? (
            <div className="chat__empty">
              <h2>Ask your data a question</h2>
              <p className="muted">
                For example “How many orders are there?” or “Revenue by month this year”. DataMind
                writes the SQL, runs it read-only, charts the result and explains it.
              </p>
            </div>
          ) : (
            turns.map((turn) => (
              <TurnView
                key={turn.key}
                turn={turn}
                actions={{
                  onAsk: ask,
                  busy: conversation.busy,
                  canAct,
                }}
              />
            ))
          )}
        </div>
        <p className="visually-hidden" role="status">
          {announcement(turns.at(-1))}
        </p>

        {canAct ? (
          <Composer
            connections={connections.data}
            connectionsError={connections.error}
            connectionId={connectionId}
            onConnectionChange={(id) => setPicked({ session: sessionId, id })}
            busy={conversation.busy}
            stopping={streamingTurn?.stopping ?? false}
            onAsk={ask}
            onStop={conversation.stop}
          />
        ) : (
          <p className="chat__readonly muted">
            You can read conversations; asking questions needs the analyst role. An admin can change
            your role.
          </p>
        )}
      </section>
    </div>
  );
}
