/**
 * The one HTTP client of the app.
 *
 * - JSON in, JSON out, cookies included (the session lives in HttpOnly cookies).
 * - Non-GET requests carry the CSRF token from the `XSRF-TOKEN` cookie in `X-XSRF-TOKEN`; a 403 that
 *   came with a new token (the cookie was missing or stale) is retried once with it.
 * - RFC 9457 problem responses become an {@link ApiError} with a readable message.
 * - A 401 triggers one silent `POST /auth/refresh` (shared by every request that is waiting on
 *   it), then the original request is retried once. When the refresh fails, the listeners
 *   registered with {@link onSessionExpired} are told, so the app can send the user to sign in.
 */

export const API_BASE = '/api/v1';

const CSRF_COOKIE = 'XSRF-TOKEN';
const CSRF_HEADER = 'X-XSRF-TOKEN';
const REFRESH_PATH = '/auth/refresh';
/** Endpoints whose 401 means "wrong credentials / no session", never "refresh and retry". */
const NO_REFRESH_PATHS = ['/auth/login', '/auth/register', REFRESH_PATH];

export interface FieldError {
  field: string;
  message: string;
}

/** An RFC 9457 problem document as the server sends it. */
export interface ProblemDetail {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
}

export class ApiError extends Error {
  readonly status: number;
  readonly problem: ProblemDetail | undefined;
  readonly fieldErrors: FieldError[];
  /** Seconds from a `Retry-After` header (429, 503), when present. */
  readonly retryAfter: number | undefined;

  constructor(message: string, status: number, problem?: ProblemDetail, retryAfter?: number) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.fieldErrors = problem?.errors ?? [];
    this.retryAfter = retryAfter;
  }

  get requestId(): string | undefined {
    return this.problem?.requestId;
  }

  /** The first message for a field, e.g. `error.fieldError('email')`. */
  fieldError(field: string): string | undefined {
    return this.fieldErrors.find((e) => e.field === field)?.message;
  }

  /** Field errors as a map (first message per field). */
  fieldErrorMap(): Record<string, string> {
    const map: Record<string, string> = {};
    for (const e of this.fieldErrors) {
      map[e.field] ??= e.message;
    }
    return map;
  }
}

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Serialized as JSON. */
  body?: unknown;
  /** Appended as a query string; `undefined`, `null` and `''` are left out. */
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

type SessionExpiredListener = () => void;
const sessionExpiredListeners = new Set<SessionExpiredListener>();

/** Registers a listener told when the session cannot be refreshed. Returns an unsubscribe. */
export function onSessionExpired(listener: SessionExpiredListener): () => void {
  sessionExpiredListeners.add(listener);
  return () => {
    sessionExpiredListeners.delete(listener);
  };
}

function notifySessionExpired(): void {
  for (const listener of [...sessionExpiredListeners]) {
    try {
      listener();
    } catch (e) {
      console.error('session-expired listener failed', e);
    }
  }
}

/** Reads a cookie by name from `document.cookie`. */
export function readCookie(name: string): string | undefined {
  if (typeof document === 'undefined') return undefined;
  for (const part of document.cookie.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) {
      return decodeURIComponent(part.slice(eq + 1).trim());
    }
  }
  return undefined;
}

export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  let url = API_BASE + path;
  if (query) {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value === undefined || value === null || value === '') continue;
      params.append(key, String(value));
    }
    const qs = params.toString();
    if (qs) url += (url.includes('?') ? '&' : '?') + qs;
  }
  return url;
}

function send(path: string, options: RequestOptions): Promise<Response> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  const init: RequestInit = { method, headers, credentials: 'include' };
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(options.body);
  }
  if (method !== 'GET') {
    // Read at send time: the cookie may have been rotated by a refresh since the first try.
    const token = readCookie(CSRF_COOKIE);
    if (token) headers[CSRF_HEADER] = token;
  }
  if (options.signal) init.signal = options.signal;
  return fetch(buildUrl(path, options.query), init);
}

/**
 * Sends, and when a change is refused with 403 because the CSRF cookie was missing or stale, sends once
 * more with the token the refusal just set (a first visit may not have the cookie yet).
 */
async function sendChecked(path: string, options: RequestOptions): Promise<Response> {
  const tokenSent = readCookie(CSRF_COOKIE);
  const response = await send(path, options);
  if (response.status === 403 && (options.method ?? 'GET') !== 'GET') {
    const token = readCookie(CSRF_COOKIE);
    if (token && token !== tokenSent) return send(path, options);
  }
  return response;
}

function isJson(response: Response): boolean {
  const type = response.headers.get('Content-Type') ?? '';
  return /application\/([\w.+-]+\+)?json/i.test(type);
}

function parseRetryAfter(response: Response): number | undefined {
  const header = response.headers.get('Retry-After');
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(header);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

function fallbackMessage(status: number): string {
  switch (status) {
    case 400:
      return 'The request was not valid.';
    case 401:
      return 'You are not signed in.';
    case 403:
      return 'You do not have permission to do this.';
    case 404:
      return 'Not found.';
    case 409:
      return 'This conflicts with existing data.';
    case 429:
      return 'Too many requests. Please wait and try again.';
    default:
      return status >= 500
        ? 'The server had a problem. Please try again.'
        : `Request failed (${status}).`;
  }
}

/** Turns a non-2xx response into an {@link ApiError}. */
export async function toApiError(response: Response): Promise<ApiError> {
  let problem: ProblemDetail | undefined;
  if (isJson(response)) {
    try {
      const body: unknown = await response.json();
      if (body && typeof body === 'object') problem = normalizeProblem(body);
    } catch {
      problem = undefined;
    }
  }
  const retryAfter = parseRetryAfter(response);
  let message =
    problem?.detail?.trim() || problem?.title?.trim() || fallbackMessage(response.status);
  if (response.status === 429 && retryAfter !== undefined && !/\d/.test(message)) {
    message += ` Try again in ${retryAfter} second${retryAfter === 1 ? '' : 's'}.`;
  }
  return new ApiError(message, response.status, problem, retryAfter);
}

function normalizeProblem(body: object): ProblemDetail {
  const raw = body as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const problem: ProblemDetail = {};
  const assign = <K extends keyof ProblemDetail>(key: K, value: ProblemDetail[K] | undefined) => {
    if (value !== undefined) problem[key] = value;
  };
  assign('type', str(raw.type));
  assign('title', str(raw.title));
  assign('status', typeof raw.status === 'number' ? raw.status : undefined);
  assign('detail', str(raw.detail));
  assign('instance', str(raw.instance));
  assign('requestId', str(raw.requestId));
  if (Array.isArray(raw.errors)) {
    const errors: FieldError[] = [];
    for (const item of raw.errors as unknown[]) {
      if (item && typeof item === 'object') {
        const e = item as Record<string, unknown>;
        const message = str(e.message);
        if (message) errors.push({ field: str(e.field) ?? '', message });
      }
    }
    problem.errors = errors;
  }
  return problem;
}

async function readBody<T>(response: Response): Promise<T> {
  if (response.status === 204 || response.status === 205) return undefined as T;
  const text = await response.text();
  if (!text) return undefined as T;
  if (isJson(response)) return JSON.parse(text) as T;
  return text as T;
}

let refreshInFlight: Promise<boolean> | null = null;

/**
 * Refreshes the session once; concurrent callers share the same promise.
 * Resolves `true` when the server issued new tokens; on failure the session-expired
 * listeners are told.
 */
export function refreshSession(): Promise<boolean> {
  refreshInFlight ??= (async () => {
    let ok: boolean;
    try {
      const response = await send(REFRESH_PATH, { method: 'POST' });
      ok = response.ok;
    } catch {
      ok = false;
    }
    // Told once per failed refresh, however many requests were waiting on it.
    if (!ok) notifySessionExpired();
    return ok;
  })().finally(() => {
    refreshInFlight = null;
  });
  return refreshInFlight;
}

function mayRefresh(path: string): boolean {
  const bare = path.split('?')[0] ?? path;
  return !NO_REFRESH_PATHS.includes(bare);
}

/** Sends a request to `API_BASE + path` and returns the decoded body, or throws an {@link ApiError}. */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  let response = await sendChecked(path, options);
  if (response.status === 401 && mayRefresh(path)) {
    const refreshed = await refreshSession();
    if (!refreshed) throw await toApiError(response);
    response = await sendChecked(path, options);
    if (response.status === 401) notifySessionExpired();
  }
  if (!response.ok) throw await toApiError(response);
  return readBody<T>(response);
}

export const api = {
  get: <T>(path: string, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    request<T>(path, { ...options, method: 'GET' }),
  post: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    request<T>(path, { ...options, method: 'POST', body }),
  put: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    request<T>(path, { ...options, method: 'PUT', body }),
  patch: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    request<T>(path, { ...options, method: 'PATCH', body }),
  delete: <T = void>(path: string, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    request<T>(path, { ...options, method: 'DELETE' }),
};

/** A readable message for any thrown value. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    const fields = error.fieldErrors.map((e) => (e.field ? `${e.field}: ${e.message}` : e.message));
    return fields.length > 0 ? `${error.message} (${fields.join('; ')})` : error.message;
  }
  if (error instanceof TypeError) return 'Could not reach the server. Check your connection.';
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}

/** Identifiers as the server sends them (UUID strings or numbers). */
export type Id = string | number;

/** Paginated list responses. */
export interface Page<T> {
  items: T[];
  total: number;
  offset: number;
  limit: number;
}
