import type { AskRequest, ServerEvent } from '../types';

/** Told to a question's listener by the client itself, not the server. */
export type ConnectionEvent = {
  type: 'disconnected';
  requestId: string;
  /**
   * `lost`: the connection closed after the question was sent, so its answer will not arrive here.
   * `unavailable`: no connection could be opened; the question was never sent.
   */
  reason: 'lost' | 'unavailable';
};

export type AskEvent = ServerEvent | ConnectionEvent;
export type AskListener = (event: AskEvent) => void;

/** The part of the browser's WebSocket this client uses, so tests can hand in a fake. */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
  onerror: ((event: Event) => void) | null;
}

export interface AskSocketOptions {
  url?: string;
  createSocket?: (url: string) => SocketLike;
  /**
   * Called once after a connection could not be opened, before trying again: the access cookie may have
   * expired, and a plain API call renews it. Resolves whatever; failures are ignored.
   */
  renewSession?: () => Promise<unknown>;
  /** Connection attempts for waiting questions before they are given up as `unavailable`. */
  maxAttempts?: number;
  /** Milliseconds to wait before attempt `n + 1` (n ≥ 1). */
  backoff?: (attempt: number) => number;
}

const OPEN = 1;

interface Pending {
  payload: string;
  listener: AskListener;
  sent: boolean;
  /** Asked again after a 401 and a session renewal; a second 401 is final. */
  renewed: boolean;
}

export function defaultSocketUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss' : 'ws'}://${host}/ws`;
}

/** Exponential, capped at 10 s, with ±25 % jitter so many tabs don't reconnect in step. */
export function jitteredBackoff(attempt: number): number {
  const base = Math.min(10_000, 500 * 2 ** (attempt - 1));
  return Math.round(base * (0.75 + Math.random() * 0.5));
}

export function newRequestId(): string {
  const c = globalThis.crypto as Crypto | undefined;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  return `r-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/**
 * The chat's WebSocket at `/ws`: sends questions and cancels, and routes the server's events to the
 * listener of each question by its `requestId`.
 *
 * It connects on the first question, not before, and stays open for the next. When a connection
 * cannot be opened it tries again with backoff (renewing the session cookie once in between), and
 * after `maxAttempts` tells the waiting questions they are `unavailable`, so the caller can fall
 * back to plain HTTP. A connection that drops mid-answer tells that question it was `lost`; the
 * next question opens a fresh connection.
 */
export class AskSocket {
  private readonly url: string;
  private readonly createSocket: (url: string) => SocketLike;
  private readonly renewSession: (() => Promise<unknown>) | undefined;
  private readonly maxAttempts: number;
  private readonly backoff: (attempt: number) => number;

  private socket: SocketLike | null = null;
  private opened = false;
  private failedAttempts = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** A session renewal is under way; the next connection waits for it. */
  private renewing = false;
  private readonly pending = new Map<string, Pending>();

  constructor(options: AskSocketOptions = {}) {
    this.url = options.url ?? defaultSocketUrl();
    this.createSocket = options.createSocket ?? ((url) => new WebSocket(url));
    this.renewSession = options.renewSession;
    this.maxAttempts = options.maxAttempts ?? 4;
    this.backoff = options.backoff ?? jitteredBackoff;
  }

  /** Sends a question (now, or once connected) and returns its request id. */
  ask(request: AskRequest, listener: AskListener, requestId = newRequestId()): string {
    const payload = JSON.stringify({
      type: 'ask',
      requestId,
      connectionId: request.connectionId,
      question: request.question,
      sessionId: request.sessionId ?? null,
    });
    this.pending.set(requestId, { payload, listener, sent: false, renewed: false });
    if (this.isOpen()) this.flush();
    else this.connect();
    return requestId;
  }

  /**
   * Stops a question. `sent`: the server was asked to stop and will still send its final event;
   * `dropped`: it had not been sent yet and never will be; `unknown`: it is not in flight.
   */
  cancel(requestId: string): 'sent' | 'dropped' | 'unknown' {
    const pending = this.pending.get(requestId);
    if (!pending) return 'unknown';
    if (!pending.sent) {
      this.pending.delete(requestId);
      return 'dropped';
    }
    if (this.isOpen()) this.socket?.send(JSON.stringify({ type: 'cancel', requestId }));
    return 'sent';
  }

  /** Closes the connection and forgets every question in flight, without telling their listeners. */
  close(): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.pending.clear();
    this.failedAttempts = 0;
    const socket = this.socket;
    this.detach();
    socket?.close(1000, 'closed by the client');
  }

  get inFlight(): number {
    return this.pending.size;
  }

  private isOpen(): boolean {
    return this.opened && this.socket?.readyState === OPEN;
  }

  private connect(): void {
    if (this.socket || this.retryTimer !== undefined || this.renewing) return;
    let socket: SocketLike;
    try {
      socket = this.createSocket(this.url);
    } catch (error) {
      console.error('Could not open the chat connection', error);
      this.onConnectFailed();
      return;
    }
    this.socket = socket;
    this.opened = false;
    socket.onopen = () => {
      this.opened = true;
      this.failedAttempts = 0;
      this.flush();
    };
    socket.onmessage = (event) => {
      this.onMessage(event.data);
    };
    socket.onclose = () => {
      const wasOpen = this.opened;
      this.detach();
      if (wasOpen) this.onDropped();
      else this.onConnectFailed();
    };
    // Every error is followed by a close, which is where it is handled.
    socket.onerror = () => undefined;
  }

  private detach(): void {
    if (this.socket) {
      this.socket.onopen = null;
      this.socket.onmessage = null;
      this.socket.onclose = null;
      this.socket.onerror = null;
    }
    this.socket = null;
    this.opened = false;
  }

  private flush(): void {
    for (const pending of this.pending.values()) {
      if (!pending.sent) {
        this.socket?.send(pending.payload);
        pending.sent = true;
      }
    }
  }

  private onMessage(data: unknown): void {
    if (typeof data !== 'string') return;
    let event: ServerEvent;
    try {
      event = JSON.parse(data) as ServerEvent;
    } catch {
      console.warn('Ignoring a chat message that is not JSON');
      return;
    }
    if (typeof event !== 'object' || typeof event.type !== 'string') return;
    const requestId = typeof event.requestId === 'string' ? event.requestId : null;
    if (requestId === null) {
      // A problem with the connection itself (for example authentication): every question shares it.
      if (event.type === 'error') {
        const ids = [...this.pending.keys()];
        if (event.problem?.status === 401 && this.renewAndRetry(ids)) return;
        for (const id of ids) this.deliver(id, { ...event, requestId: id });
      }
      return;
    }
    if (!this.pending.has(requestId)) return;
    if (
      event.type === 'error' &&
      event.problem?.status === 401 &&
      this.renewAndRetry([requestId])
    ) {
      return;
    }
    this.deliver(requestId, event);
  }

  private deliver(requestId: string, event: AskEvent): void {
    const pending = this.pending.get(requestId);
    if (!pending) return;
    if (event.type === 'chat_response' || event.type === 'error' || event.type === 'disconnected') {
      this.pending.delete(requestId);
    }
    pending.listener(event);
  }

  /**
   * The socket's credentials expired (the access cookie lives minutes; a socket may stay open longer).
   * The socket keeps the token of its handshake, so: renew the session, open a new socket and ask
   * again. Once per question; false when that was already tried.
   */
  private renewAndRetry(requestIds: string[]): boolean {
    const renew = this.renewSession;
    const retried = requestIds.map((id) => this.pending.get(id));
    if (!renew || retried.some((p) => !p || p.renewed)) return false;
    for (const pending of retried) {
      if (pending) {
        pending.renewed = true;
        pending.sent = false;
      }
    }
    const others = [...this.pending].filter(([id, p]) => p.sent && !requestIds.includes(id));
    const socket = this.socket;
    this.detach();
    socket?.close(1000, 'renewing the session');
    // Other questions on the old socket end with it.
    for (const [id] of others)
      this.deliver(id, { type: 'disconnected', requestId: id, reason: 'lost' });
    this.renewing = true;
    void renew()
      .catch(() => undefined)
      .then(() => {
        this.renewing = false;
        if (this.pending.size > 0) this.connect();
      });
    return true;
  }

  /** The open connection closed: questions already sent lose their answer, unsent ones reconnect. */
  private onDropped(): void {
    for (const [id, pending] of [...this.pending]) {
      if (pending.sent) {
        this.pending.delete(id);
        pending.listener({ type: 'disconnected', requestId: id, reason: 'lost' });
      }
    }
    if (this.pending.size > 0) this.connect();
  }

  private onConnectFailed(): void {
    this.failedAttempts += 1;
    if (this.pending.size === 0) {
      this.failedAttempts = 0;
      return;
    }
    if (this.failedAttempts >= this.maxAttempts) {
      this.failedAttempts = 0;
      for (const [id, pending] of [...this.pending]) {
        this.pending.delete(id);
        pending.listener({ type: 'disconnected', requestId: id, reason: 'unavailable' });
      }
      return;
    }
    const renew =
      this.failedAttempts === 1 && this.renewSession
        ? this.renewSession().catch(() => undefined)
        : Promise.resolve();
    const delay = this.backoff(this.failedAttempts);
    this.retryTimer = setTimeout(() => {
      void renew.then(() => {
        this.retryTimer = undefined;
        if (this.pending.size > 0) this.connect();
      });
    }, delay);
  }
}
