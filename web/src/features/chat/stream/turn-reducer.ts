import type { Id, ProblemDetail } from '@/lib/api';
import type { ChatAnswer, ResultData, ServerEvent } from '../types';

type ChatResponseEvent = Extract<ServerEvent, { type: 'chat_response' }>;
import type { AskEvent } from './ask-socket';

export interface StageEntry {
  stage: string;
  state: 'started' | 'done';
  /** Duration once done. */
  ms: number;
}

/** One question and its answer, while it streams in and after. */
export interface Turn {
  /** The request id while asking; the message id for turns loaded from history. */
  key: string;
  requestId: string | null;
  question: string;
  connectionId: Id;
  streaming: boolean;
  stages: StageEntry[];
  /** The model's raw output while it writes the SQL. */
  sqlDraft: string;
  /** The analysis as it streams in. */
  analysisDraft: string;
  /** The table preview, as soon as the query finished. */
  result: ResultData | null;
  /** The final answer. */
  answer: ChatAnswer | null;
  /** Why there is no answer: a problem from the server, or a lost connection. */
  error: string | null;
  /** Stop was pressed and the server has not answered yet. */
  stopping: boolean;
  /** Stopped before the server answered. */
  stopped: boolean;
}

export interface ConversationState {
  turns: Turn[];
}

export type ConversationAction =
  | { type: 'reset' }
  | { type: 'history'; answers: ChatAnswer[] }
  | { type: 'start'; requestId: string; question: string; connectionId: Id }
  | { type: 'event'; event: AskEvent }
  | { type: 'stop'; requestId: string }
  | { type: 'stopped'; requestId: string }
  | { type: 'failed'; requestId: string; message: string };

export const initialConversation: ConversationState = { turns: [] };

export const LOST_MESSAGE =
  'The connection to the server was lost before the answer was complete. Ask again to retry.';

/** The answer in a `chat_response` event, without the event's own fields. */
export function answerOf(event: ChatResponseEvent): ChatAnswer {
  const answer: Partial<ChatResponseEvent> = { ...event };
  delete answer.type;
  delete answer.requestId;
  return answer as ChatAnswer;
}

function problemMessage(problem: ProblemDetail | null | undefined): string {
  return problem?.detail?.trim() || problem?.title?.trim() || 'The question could not be answered.';
}

function answerTurn(answer: ChatAnswer): Turn {
  return {
    key: String(answer.messageId ?? `${answer.sessionId}:${answer.createdAt ?? answer.question}`),
    requestId: null,
    question: answer.question,
    connectionId: answer.connectionId,
    streaming: false,
    stages: [],
    sqlDraft: '',
    analysisDraft: '',
    result: null,
    answer,
    error: null,
    stopping: false,
    stopped: false,
  };
}

function withStage(stages: StageEntry[], stage: string, state: string, ms: number): StageEntry[] {
  if (state === 'done') {
    // Finish the latest start of this stage (repairs may run generate_sql and check again).
    for (let i = stages.length - 1; i >= 0; i--) {
      const entry = stages[i];
      if (entry && entry.stage === stage && entry.state === 'started') {
        const next = stages.slice();
        next[i] = { stage, state: 'done', ms };
        return next;
      }
    }
    return [...stages, { stage, state: 'done', ms }];
  }
  return [...stages, { stage, state: 'started', ms: 0 }];
}

/** Applies one event of the stream to its turn. A finished turn takes no more events. */
export function applyEvent(turn: Turn, event: AskEvent): Turn {
  if (!turn.streaming) return turn;
  switch (event.type) {
    case 'stage':
      return { ...turn, stages: withStage(turn.stages, event.stage, event.state, event.ms) };
    case 'token':
      return event.phase === 'analysis'
        ? { ...turn, analysisDraft: turn.analysisDraft + event.content }
        : { ...turn, sqlDraft: turn.sqlDraft + event.content };
    case 'result':
      return {
        ...turn,
        result: {
          columns: event.columns,
          rows: event.rows,
          rowCount: event.rowCount,
          truncated: event.truncated,
        },
      };
    case 'chat_response':
      return {
        ...turn,
        answer: answerOf(event),
        streaming: false,
        stopping: false,
        stopped: turn.stopping,
      };
    case 'error':
      return { ...turn, error: problemMessage(event.problem), streaming: false, stopping: false };
    case 'disconnected':
      return { ...turn, error: LOST_MESSAGE, streaming: false, stopping: false };
  }
}

function updateTurn(
  state: ConversationState,
  requestId: string,
  update: (turn: Turn) => Turn,
): ConversationState {
  const index = state.turns.findIndex((t) => t.requestId === requestId);
  const turn = state.turns[index];
  if (!turn) return state;
  const next = update(turn);
  if (next === turn) return state;
  const turns = state.turns.slice();
  turns[index] = next;
  return { turns };
}

export function conversationReducer(
  state: ConversationState,
  action: ConversationAction,
): ConversationState {
  switch (action.type) {
    case 'reset':
      return initialConversation;
    case 'history':
      // Questions asked while the history loaded stay after it.
      return { turns: [...action.answers.map(answerTurn), ...state.turns] };
    case 'start':
      return {
        turns: [
          ...state.turns,
          {
            key: action.requestId,
            requestId: action.requestId,
            question: action.question,
            connectionId: action.connectionId,
            streaming: true,
            stages: [],
            sqlDraft: '',
            analysisDraft: '',
            result: null,
            answer: null,
            error: null,
            stopping: false,
            stopped: false,
          },
        ],
      };
    case 'event':
      return updateTurn(state, action.event.requestId ?? '', (turn) =>
        applyEvent(turn, action.event),
      );
    case 'stop':
      return updateTurn(state, action.requestId, (turn) =>
        turn.streaming && !turn.stopping ? { ...turn, stopping: true } : turn,
      );
    case 'stopped':
      return updateTurn(state, action.requestId, (turn) =>
        turn.streaming ? { ...turn, streaming: false, stopping: false, stopped: true } : turn,
      );
    case 'failed':
      return updateTurn(state, action.requestId, (turn) =>
        turn.streaming
          ? { ...turn, streaming: false, stopping: false, error: action.message }
          : turn,
      );
  }
}
