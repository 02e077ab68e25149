import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useCurrentUser } from '@/features/auth/use-auth';
import { BudgetBar } from '@/features/budget/BudgetBar';
import type { Id } from '@/lib/api';
import { hasRole } from '@/lib/roles';
import { useQuery } from '@/lib/use-query';
import { chatApi, defaultConnection } from './api';
import { ConversationLog } from './answer/ConversationLog';
import { Composer } from './composer/Composer';
import { SessionsSidebar } from './sessions/SessionsSidebar';
import { useConversation } from './stream/use-conversation';
import type { ChatSession } from './types';

const SESSIONS_PAGE = 30;

/** Ask questions of a connection and see the answers stream in; past conversations on the side. */
export function ChatPage() {
  const { sessionId } = useParams();
  const navigate = useNavigate();
  const { user } = useCurrentUser();
  const [sessionLimit, setSessionLimit] = useState(SESSIONS_PAGE);
  const [budgetVersion, setBudgetVersion] = useState(0);
  const [picked, setPicked] = useState<{ session: string | undefined; id: Id } | null>(null);

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

  const onDeleted = (deleted: ChatSession) => {
    sessions.reload();
    if (String(deleted.id) === sessionId) void navigate('/chat');
  };

  const ask = (question: string) => {
    if (connectionId !== undefined) conversation.ask(question, connectionId);
  };

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

        <ConversationLog
          conversation={conversation}
          actions={{ onAsk: ask, busy: conversation.busy, canAct }}
        />

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
