import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeWebSocket } from '@/testing/websocket';
import { AskSocket, jitteredBackoff, type AskEvent } from './ask-socket';

const question = { connectionId: 'c1', question: 'How many orders are there?', sessionId: null };

function client(options: Partial<ConstructorParameters<typeof AskSocket>[0]> = {}) {
  return new AskSocket({
    url: 'ws://test/ws',
    createSocket: (url) => new FakeWebSocket(url),
    backoff: (n) => n * 100,
    ...options,
  });
}

function listener() {
  const events: AskEvent[] = [];
  return { events, fn: (e: AskEvent) => events.push(e) };
}

beforeEach(() => {
  FakeWebSocket.instances = [];
});

afterEach(() => {
  vi.useRealTimers();
});

describe('AskSocket', () => {
  it('connects on the first question and sends it once the socket opens', () => {
    const socket = client();
    expect(FakeWebSocket.instances).toHaveLength(0);
    const { fn } = listener();
    const id = socket.ask(question, fn, 'r1');
    expect(id).toBe('r1');
    const ws = FakeWebSocket.latest();
    expect(ws.url).toBe('ws://test/ws');
    expect(ws.sent).toEqual([]);
    ws.open();
    expect(ws.sent).toEqual([
      {
        type: 'ask',
        requestId: 'r1',
        connectionId: 'c1',
        question: 'How many orders are there?',
        sessionId: null,
      },
    ]);
    // The next question reuses the open connection.
    socket.ask({ ...question, sessionId: 's1' }, fn, 'r2');
    expect(FakeWebSocket.instances).toHaveLength(1);
    expect(ws.sent[1]).toMatchObject({ type: 'ask', requestId: 'r2', sessionId: 's1' });
  });

  it('routes each event to its question, in order, until the final answer', () => {
    const socket = client();
    const a = listener();
    const b = listener();
    socket.ask(question, a.fn, 'a');
    socket.ask(question, b.fn, 'b');
    const ws = FakeWebSocket.latest();
    ws.open();
    ws.receive({ type: 'stage', requestId: 'a', stage: 'schema', state: 'started', ms: 0 });
    ws.receive({ type: 'token', requestId: 'b', phase: 'sql_generation', content: 'SELECT' });
    ws.receive({ type: 'token', requestId: 'a', phase: 'sql_generation', content: 'SEL' });
    ws.receive({ type: 'token', requestId: 'a', phase: 'sql_generation', content: 'ECT 1' });
    ws.receive({ type: 'chat_response', requestId: 'a', status: 'answered' });
    ws.receive({ type: 'token', requestId: 'a', phase: 'analysis', content: 'late' });
    ws.receive({ type: 'stage', requestId: 'unknown', stage: 'schema', state: 'started', ms: 0 });

    expect(a.events.map((e) => (e.type === 'token' ? e.content : e.type))).toEqual([
      'stage',
      'SEL',
      'ECT 1',
      'chat_response',
    ]);
    expect(b.events.map((e) => e.type)).toEqual(['token']);
    expect(socket.inFlight).toBe(1);
  });

  it('ignores messages that are not JSON events', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const socket = client();
    const a = listener();
    socket.ask(question, a.fn, 'a');
    const ws = FakeWebSocket.latest();
    ws.open();
    ws.onmessage?.(new MessageEvent('message', { data: 'not json' }));
    ws.receive(42);
    ws.receive({ requestId: 'a' });
    expect(a.events).toEqual([]);
    expect(warn).toHaveBeenCalledOnce();
  });

  it('gives an error without a request id to every question in flight', () => {
    const socket = client();
    const a = listener();
    const b = listener();
    socket.ask(question, a.fn, 'a');
    socket.ask(question, b.fn, 'b');
    const ws = FakeWebSocket.latest();
    ws.open();
    ws.receive({ type: 'error', problem: { status: 401, detail: 'Sign in again' } });
    expect(a.events).toEqual([
      { type: 'error', requestId: 'a', problem: { status: 401, detail: 'Sign in again' } },
    ]);
    expect(b.events[0]).toMatchObject({ type: 'error', requestId: 'b' });
    expect(socket.inFlight).toBe(0);
  });

  it('sends a cancel for a question in flight and drops one not sent yet', () => {
    const socket = client();
    socket.ask(question, listener().fn, 'a');
    expect(socket.cancel('a')).toBe('dropped');
    const ws = FakeWebSocket.latest();
    ws.open();
    expect(ws.sent).toEqual([]);

    socket.ask(question, listener().fn, 'b');
    expect(socket.cancel('b')).toBe('sent');
    expect(ws.sent.at(-1)).toEqual({ type: 'cancel', requestId: 'b' });
    expect(socket.cancel('nope')).toBe('unknown');
  });

  it('tells questions in flight that the connection was lost, and reconnects for the next', () => {
    const socket = client();
    const a = listener();
    socket.ask(question, a.fn, 'a');
    const first = FakeWebSocket.latest();
    first.open();
    first.drop();
    expect(a.events).toEqual([{ type: 'disconnected', requestId: 'a', reason: 'lost' }]);
    expect(FakeWebSocket.instances).toHaveLength(1);

    const b = listener();
    socket.ask(question, b.fn, 'b');
    const second = FakeWebSocket.latest();
    expect(second).not.toBe(first);
    second.open();
    expect(second.sent).toEqual([expect.objectContaining({ requestId: 'b' })]);
  });

  it('retries a failed connection with backoff, renewing the session once, then gives up', async () => {
    vi.useFakeTimers();
    const renewSession = vi.fn(() => Promise.resolve());
    const socket = client({ renewSession, maxAttempts: 3 });
    const a = listener();
    socket.ask(question, a.fn, 'a');
    FakeWebSocket.latest().drop();
    expect(FakeWebSocket.instances).toHaveLength(1);
    expect(renewSession).toHaveBeenCalledOnce();

    await vi.advanceTimersByTimeAsync(99);
    expect(FakeWebSocket.instances).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(FakeWebSocket.instances).toHaveLength(2);
    FakeWebSocket.latest().drop();

    await vi.advanceTimersByTimeAsync(200);
    expect(FakeWebSocket.instances).toHaveLength(3);
    FakeWebSocket.latest().drop();

    expect(renewSession).toHaveBeenCalledOnce();
    expect(a.events).toEqual([{ type: 'disconnected', requestId: 'a', reason: 'unavailable' }]);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(FakeWebSocket.instances).toHaveLength(3);
  });

  it('sends the waiting question when a retry connects', async () => {
    vi.useFakeTimers();
    const socket = client();
    const a = listener();
    socket.ask(question, a.fn, 'a');
    FakeWebSocket.latest().drop();
    await vi.advanceTimersByTimeAsync(100);
    const retry = FakeWebSocket.latest();
    retry.open();
    expect(retry.sent).toEqual([expect.objectContaining({ type: 'ask', requestId: 'a' })]);
    retry.receive({
      type: 'result',
      requestId: 'a',
      columns: [],
      rows: [],
      rowCount: 0,
      truncated: false,
    });
    expect(a.events.map((e) => e.type)).toEqual(['result']);
  });

  it('closes quietly and forgets questions in flight', async () => {
    vi.useFakeTimers();
    const socket = client();
    const a = listener();
    socket.ask(question, a.fn, 'a');
    FakeWebSocket.latest().drop();
    socket.close();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(FakeWebSocket.instances).toHaveLength(1);
    expect(a.events).toEqual([]);

    socket.ask(question, a.fn, 'b');
    const ws = FakeWebSocket.latest();
    ws.open();
    socket.close();
    expect(ws.readyState).toBe(FakeWebSocket.CLOSED);
    expect(a.events).toEqual([]);
  });

  it('backs off exponentially with jitter, capped at ten seconds', () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    expect([1, 2, 3, 4, 5, 6, 7].map(jitteredBackoff)).toEqual([
      500, 1000, 2000, 4000, 8000, 10000, 10000,
    ]);
    vi.spyOn(Math, 'random').mockReturnValue(0);
    expect(jitteredBackoff(1)).toBe(375);
  });
});

describe('AskSocket when the session expired', () => {
  it('renews the session and asks again on a new socket after a 401 on the socket', async () => {
    const renewSession = vi.fn(() => Promise.resolve());
    const socket = client({ renewSession });
    const a = listener();
    socket.ask(question, a.fn, 'a');
    const first = FakeWebSocket.latest();
    first.open();
    // How the server refuses a handshake with an expired cookie: an error without a request id.
    first.receive({
      type: 'error',
      requestId: null,
      problem: { status: 401, title: 'Unauthorized' },
    });
    expect(first.readyState).toBe(FakeWebSocket.CLOSED);
    expect(renewSession).toHaveBeenCalledOnce();
    expect(a.events).toEqual([]);

    await vi.waitFor(() => expect(FakeWebSocket.instances).toHaveLength(2));
    const second = FakeWebSocket.latest();
    second.open();
    expect(second.sent).toEqual([expect.objectContaining({ type: 'ask', requestId: 'a' })]);

    // A second 401 for the same question is final.
    second.receive({ type: 'error', requestId: 'a', problem: { status: 401, detail: 'Sign in' } });
    expect(a.events).toEqual([
      { type: 'error', requestId: 'a', problem: { status: 401, detail: 'Sign in' } },
    ]);
    expect(renewSession).toHaveBeenCalledOnce();
  });

  it('tells other questions on the old socket that it was lost', async () => {
    const socket = client({ renewSession: () => Promise.resolve() });
    const a = listener();
    const b = listener();
    socket.ask(question, a.fn, 'a');
    FakeWebSocket.latest().open();
    socket.ask(question, b.fn, 'b');
    FakeWebSocket.latest().receive({ type: 'error', requestId: 'b', problem: { status: 401 } });
    expect(a.events).toEqual([{ type: 'disconnected', requestId: 'a', reason: 'lost' }]);
    await vi.waitFor(() => expect(FakeWebSocket.instances).toHaveLength(2));
    FakeWebSocket.latest().open();
    expect(FakeWebSocket.latest().sent).toEqual([expect.objectContaining({ requestId: 'b' })]);
  });

  it('gives the 401 to the question when there is no way to renew', () => {
    const socket = client();
    const a = listener();
    socket.ask(question, a.fn, 'a');
    FakeWebSocket.latest().open();
    FakeWebSocket.latest().receive({ type: 'error', requestId: 'a', problem: { status: 401 } });
    expect(a.events).toEqual([{ type: 'error', requestId: 'a', problem: { status: 401 } }]);
  });
});
