import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { api, errorMessage, type Id } from '@/lib/api';
import { chatApi } from '../api';
import type { ChatAnswer } from '../types';
import { AskSocket, newRequestId, type AskEvent } from './ask-socket';
import { answerOf, conversationReducer, initialConversation, type Turn } from './turn-reducer';

/** How long to wait for the server to confirm a stop before calling it stopped anyway. */
const STOP_GRACE_MS = 10_000;

export interface ConversationCallbacks {
  /** A first question created this session. */
  onSessionCreated?: (sessionId: Id) => void;
  /** An answer (of any status) arrived. */
  onAnswered?: (answer: ChatAnswer) => void;
}

export interface Conversation {
  turns: Turn[];
  /** The history of the session is loading. */
  loading: boolean;
  loadError: unknown;
  reload: () => void;
  /** A question is being answered. */
  busy: boolean;
  ask: (question: string, connectionId: Id) => void;
  stop: () => void;
}

function createSocket() {
  // Renewing goes through the API client, which refreshes an expired access cookie on its 401.
  return new AskSocket({ renewSession: () => api.get('/me') });
}

interface HistoryLoad {
  key: string;
  error: unknown;
}

/**
 * The turns of one session: its history, then questions asked here, streamed over the WebSocket
 * (or over plain HTTP when no WebSocket connection can be opened).
 */
export function useConversation(
  sessionId: Id | undefined,
  callbacks: ConversationCallbacks = {},
): Conversation {
  const sessionKey = sessionId === undefined ? '' : String(sessionId);
  const [state, dispatch] = useReducer(conversationReducer, initialConversation);
  const [socket] = useState(createSocket);
  const [version, setVersion] = useState(0);
  const [history, setHistory] = useState<HistoryLoad | null>(null);
  /** The session whose turns are on screen. */
  const [shown, setShown] = useState(sessionKey);
  /** A session this hook created with its first question: its history is already on screen. */
  const [created, setCreated] = useState<string | null>(null);
  /** Counts resets, so an answer that arrives after the user moved on changes nothing here. */
  const [epoch, setEpoch] = useState(0);
  const epochRef = useRef(epoch);
  const callbacksRef = useRef(callbacks);
  const httpAsks = useRef(new Map<string, AbortController>());

  // Switching sessions clears the turns, except when moving to the session just created here.
  if (shown !== sessionKey) {
    setShown(sessionKey);
    if (sessionKey !== created) {
      setCreated(null);
      setEpoch((e) => e + 1);
      dispatch({ type: 'reset' });
    }
  }

  useEffect(() => {
    epochRef.current = epoch;
    callbacksRef.current = callbacks;
  });

  useEffect(() => {
    const asks = httpAsks.current;
    return () => {
      socket.close();
      for (const controller of asks.values()) controller.abort();
      asks.clear();
    };
  }, [socket]);

  const historyKey = `${sessionKey}#${version}`;
  const needsHistory = sessionKey !== '' && sessionKey !== created;

  useEffect(() => {
    if (!needsHistory) return;
    const controller = new AbortController();
    chatApi.messages(sessionKey, controller.signal).then(
      (answers) => {
        if (controller.signal.aborted) return;
        dispatch({ type: 'history', answers });
        setHistory({ key: historyKey, error: undefined });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setHistory({ key: historyKey, error });
      },
    );
    return () => {
      controller.abort();
    };
  }, [needsHistory, sessionKey, historyKey]);

  const finish = (answer: ChatAnswer, askedIn: string, askedAt: number) => {
    // Only when the user is still looking at the conversation the question was asked in.
    if (askedIn === '' && askedAt === epochRef.current) {
      setCreated(String(answer.sessionId));
      callbacksRef.current.onSessionCreated?.(answer.sessionId);
    }
    callbacksRef.current.onAnswered?.(answer);
  };

  const askOverHttp = (
    requestId: string,
    question: string,
    connectionId: Id,
    askedIn: string,
    askedAt: number,
  ) => {
    const controller = new AbortController();
    httpAsks.current.set(requestId, controller);
    chatApi
      .ask({ connectionId, question, sessionId: askedIn || null }, controller.signal)
      .then(
        (answer) => {
          dispatch({ type: 'event', event: { type: 'chat_response', requestId, ...answer } });
          finish(answer, askedIn, askedAt);
        },
        (error: unknown) => {
          if (!controller.signal.aborted) {
            dispatch({ type: 'failed', requestId, message: errorMessage(error) });
          }
        },
      )
      .finally(() => httpAsks.current.delete(requestId));
  };

  const streaming = state.turns.find((t) => t.streaming);
  /** The session the next question goes to: this one, or the one its first answer created. */
  const target = sessionKey || created || '';

  const ask = (question: string, connectionId: Id) => {
    const text = question.trim();
    if (!text || streaming) return;
    const requestId = newRequestId();
    const askedIn = target;
    const askedAt = epoch;
    dispatch({ type: 'start', requestId, question: text, connectionId });
    const onEvent = (event: AskEvent) => {
      if (event.type === 'disconnected' && event.reason === 'unavailable') {
        askOverHttp(requestId, text, connectionId, askedIn, askedAt);
        return;
      }
      dispatch({ type: 'event', event });
      if (event.type === 'chat_response') finish(answerOf(event), askedIn, askedAt);
    };
    socket.ask({ connectionId, question: text, sessionId: askedIn || null }, onEvent, requestId);
  };

  const stop = () => {
    const requestId = streaming?.requestId;
    if (!requestId) return;
    const http = httpAsks.current.get(requestId);
    if (http) {
      http.abort();
      dispatch({ type: 'stopped', requestId });
      return;
    }
    if (socket.cancel(requestId) === 'sent') {
      dispatch({ type: 'stop', requestId });
      setTimeout(() => dispatch({ type: 'stopped', requestId }), STOP_GRACE_MS);
    } else {
      dispatch({ type: 'stopped', requestId });
    }
  };

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const settled = history?.key === historyKey;

  return {
    turns: state.turns,
    loading: needsHistory && !settled,
    loadError: needsHistory && settled ? history.error : undefined,
    reload,
    busy: streaming !== undefined,
    ask,
    stop,
  };
}
