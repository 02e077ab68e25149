import { api, type Id, type Page } from '@/lib/api';
import type { AskRequest, ChatAnswer, ChatSession, Column, Row } from './types';

/** A saved connection, as far as the chat needs it. */
export interface ConnectionSummary {
  id: Id;
  name: string;
  type: string;
  /** Built in: the Sample Sales database or the Uploads database. */
  managed: boolean;
  managedKind?: 'sample' | 'uploads' | null;
}

/** The connection to start with: the built-in sample when there is one, else the first. */
export function defaultConnection(connections: ConnectionSummary[] | undefined): Id | undefined {
  if (!connections || connections.length === 0) return undefined;
  const sample = connections.find((c) => c.managedKind === 'sample');
  return (sample ?? connections[0])?.id;
}

export interface QueryRun {
  columns: Column[];
  rows: Row[];
  rowCount: number;
  truncated: boolean;
  durationMs: number;
  /** The query failed after the server had started sending rows: those rows, then this problem. */
  error?: { title: string; status: number; detail: string; requestId?: string };
}

export type Rating = 'up' | 'down';

const enc = (id: Id) => encodeURIComponent(String(id));
const withSignal = (signal?: AbortSignal) => (signal ? { signal } : {});

/** Every page of a list, up to `max` items. */
async function allPages<T>(
  load: (offset: number, limit: number) => Promise<Page<T>>,
  limit = 100,
  max = 1000,
): Promise<T[]> {
  const items: T[] = [];
  for (;;) {
    const page = await load(items.length, limit);
    items.push(...page.items);
    if (page.items.length === 0 || items.length >= page.total || items.length >= max) return items;
  }
}

export const chatApi = {
  sessions: (offset: number, limit: number, signal?: AbortSignal) =>
    api.get<Page<ChatSession>>('/chat/sessions', {
      query: { offset, limit },
      ...withSignal(signal),
    }),
  /** The whole conversation, oldest first. */
  messages: (sessionId: Id, signal?: AbortSignal) =>
    allPages((offset, limit) =>
      api.get<Page<ChatAnswer>>(`/chat/sessions/${enc(sessionId)}/messages`, {
        query: { offset, limit },
        ...withSignal(signal),
      }),
    ),
  rename: (sessionId: Id, title: string) =>
    api.patch<ChatSession | undefined>(`/chat/sessions/${enc(sessionId)}`, { title }),
  remove: (sessionId: Id) => api.delete(`/chat/sessions/${enc(sessionId)}`),
  /** Asks over plain HTTP: the whole answer at once, no progress. */
  ask: (request: AskRequest, signal?: AbortSignal) =>
    api.post<ChatAnswer>('/chat/messages', request, withSignal(signal)),
  /** An answer's whole result as CSV (its SQL run again through the guard, up to the row limit). */
  resultCsv: (messageId: Id, signal?: AbortSignal) =>
    api.get<string>(`/chat/messages/${enc(messageId)}/result`, {
      headers: { Accept: 'text/csv' },
      ...withSignal(signal),
    }),
  feedback: (messageId: Id, rating: Rating, comment: string) =>
    api.post<unknown>(`/chat/messages/${enc(messageId)}/feedback`, { rating, comment }),
  /** Runs SQL an analyst edited, through the server's guard. */
  runQuery: (connectionId: Id, sql: string, limit?: number) =>
    api.post<QueryRun>('/query', { connectionId, sql, limit }),
  connections: (signal?: AbortSignal) =>
    allPages(
      (offset, limit) =>
        api.get<Page<ConnectionSummary>>('/connections', {
          query: { offset, limit },
          ...withSignal(signal),
        }),
      100,
      500,
    ),
};
