import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deferred, json, mockFetch, noContent, problem, setCookie } from '@/testing/fetch';
import {
  api,
  ApiError,
  buildUrl,
  errorMessage,
  onSessionExpired,
  readCookie,
  toApiError,
} from './api';

const unsubscribers: (() => void)[] = [];

beforeEach(() => {
  setCookie('XSRF-TOKEN', null);
});

afterEach(() => {
  vi.unstubAllGlobals();
  unsubscribers.splice(0).forEach((u) => u());
});

function listenForExpiry() {
  const listener = vi.fn();
  unsubscribers.push(onSessionExpired(listener));
  return listener;
}

describe('requests', () => {
  it('sends JSON with credentials and decodes the JSON answer', async () => {
    const { calls } = mockFetch(() => json({ ok: true }));
    await expect(api.post('/things', { a: 1 })).resolves.toEqual({ ok: true });
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      url: '/api/v1/things',
      method: 'POST',
      credentials: 'include',
      body: { a: 1 },
    });
    expect(calls[0]?.headers['content-type']).toBe('application/json');
    expect(calls[0]?.headers.accept).toBe('application/json');
  });

  it('builds query strings and leaves out empty values', () => {
    expect(
      buildUrl('/audit', { action: 'auth.login', userId: '', from: undefined, offset: 0 }),
    ).toBe('/api/v1/audit?action=auth.login&offset=0');
    expect(buildUrl('/me')).toBe('/api/v1/me');
  });

  it('returns undefined for 204 No Content', async () => {
    mockFetch(() => noContent());
    await expect(api.delete('/org/members/7')).resolves.toBeUndefined();
  });
});

describe('CSRF', () => {
  it('sends X-XSRF-TOKEN from the XSRF-TOKEN cookie on non-GET requests', async () => {
    setCookie('XSRF-TOKEN', 'token/with=chars');
    expect(readCookie('XSRF-TOKEN')).toBe('token/with=chars');
    const { calls } = mockFetch(() => noContent());
    await api.post('/auth/logout');
    await api.patch('/org/members/1', { role: 'admin' });
    await api.delete('/org/members/1');
    for (const call of calls) expect(call.headers['x-xsrf-token']).toBe('token/with=chars');
  });

  it('does not send the header on GET', async () => {
    setCookie('XSRF-TOKEN', 'abc');
    const { calls } = mockFetch(() => json({}));
    await api.get('/me');
    expect(calls[0]?.headers['x-xsrf-token']).toBeUndefined();
  });

  it('retries once when a 403 set a new CSRF cookie', async () => {
    const { calls } = mockFetch(({ headers }) => {
      if (headers['x-xsrf-token'] === 'fresh') return json({ ok: true });
      setCookie('XSRF-TOKEN', 'fresh');
      return problem(403, { title: 'Forbidden', detail: 'Missing or invalid CSRF token' });
    });
    await expect(api.post('/auth/login', { email: 'a@b.c' })).resolves.toEqual({ ok: true });
    expect(calls.map((c) => c.headers['x-xsrf-token'])).toEqual([undefined, 'fresh']);
  });

  it('does not retry a 403 that left the CSRF cookie alone', async () => {
    setCookie('XSRF-TOKEN', 'same');
    const { calls } = mockFetch(() =>
      problem(403, { title: 'Forbidden', detail: 'Your role does not allow this action' }),
    );
    await expect(api.post('/org/members', {})).rejects.toMatchObject({
      status: 403,
      message: 'Your role does not allow this action',
    });
    expect(calls).toHaveLength(1);
  });

  it('omits the header when there is no cookie', async () => {
    const { calls } = mockFetch(() => noContent());
    await api.post('/auth/logout');
    expect(calls[0]?.headers['x-xsrf-token']).toBeUndefined();
  });
});

describe('problem details', () => {
  it('uses detail as the message and keeps status, requestId and field errors', async () => {
    mockFetch(() =>
      problem(409, {
        type: 'https://datamind.io/problems/conflict',
        title: 'Conflict',
        detail: 'An account with this email already exists.',
        requestId: 'req-1',
        errors: [
          { field: 'email', message: 'Email is already registered' },
          { field: 'orgSlug', message: 'Slug is taken' },
        ],
      }),
    );
    const error = await api.post('/auth/register', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(409);
    expect(apiError.message).toBe('An account with this email already exists.');
    expect(apiError.requestId).toBe('req-1');
    expect(apiError.fieldError('email')).toBe('Email is already registered');
    expect(apiError.fieldErrorMap()).toEqual({
      email: 'Email is already registered',
      orgSlug: 'Slug is taken',
    });
  });

  it('falls back to the title when there is no detail', async () => {
    const error = await toApiError(problem(403, { title: 'Forbidden' }));
    expect(error.message).toBe('Forbidden');
    expect(error.fieldErrors).toEqual([]);
  });

  it('gives a readable message for non-JSON errors', async () => {
    const error = await toApiError(new Response('<html>Bad gateway</html>', { status: 502 }));
    expect(error.status).toBe(502);
    expect(error.message).toMatch(/server had a problem/i);
    expect(error.problem).toBeUndefined();
  });

  it('reads Retry-After on 429', async () => {
    const error = await toApiError(
      problem(429, { title: 'Too Many Requests' }, { 'Retry-After': '30' }),
    );
    expect(error.retryAfter).toBe(30);
    expect(error.message).toBe('Too Many Requests Try again in 30 seconds.');
  });

  it('mentions field errors in the general message', async () => {
    const error = await toApiError(
      problem(400, {
        detail: 'Invalid request',
        errors: [{ field: 'to', message: 'must be after from' }],
      }),
    );
    expect(errorMessage(error)).toBe('Invalid request (to: must be after from)');
    expect(errorMessage(new TypeError('Failed to fetch'))).toMatch(/could not reach the server/i);
  });

  it('ignores malformed field errors', async () => {
    const error = await toApiError(
      problem(400, {
        detail: 'Invalid',
        errors: [null, { field: 'x' }, { field: 'y', message: 'bad' }],
      }),
    );
    expect(error.fieldErrors).toEqual([{ field: 'y', message: 'bad' }]);
  });
});

describe('silent refresh on 401', () => {
  it('refreshes once and retries the original request', async () => {
    let authorized = false;
    const { calls } = mockFetch(({ url }) => {
      if (url === '/api/v1/auth/refresh') {
        authorized = true;
        return json({ user: {}, org: {}, expiresIn: 900 });
      }
      return authorized ? json({ items: [] }) : problem(401, { title: 'Unauthorized' });
    });
    await expect(api.get('/org/members')).resolves.toEqual({ items: [] });
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'GET /api/v1/org/members',
      'POST /api/v1/auth/refresh',
      'GET /api/v1/org/members',
    ]);
  });

  it('shares one refresh between concurrent 401s', async () => {
    const refresh = deferred<Response>();
    let authorized = false;
    const { calls } = mockFetch(({ url }) => {
      if (url === '/api/v1/auth/refresh') return refresh.promise;
      return authorized ? json({ url }) : problem(401, { title: 'Unauthorized' });
    });
    const results = Promise.all([api.get('/a'), api.get('/b'), api.post('/c', { x: 1 })]);
    // Let all three 401s arrive before the refresh answers.
    await vi.waitFor(() => {
      expect(calls.filter((c) => c.url.endsWith('/auth/refresh'))).toHaveLength(1);
      expect(calls).toHaveLength(4);
    });
    authorized = true;
    refresh.resolve(json({}));
    await expect(results).resolves.toEqual([
      { url: '/api/v1/a' },
      { url: '/api/v1/b' },
      { url: '/api/v1/c' },
    ]);
    expect(calls.filter((c) => c.url.endsWith('/auth/refresh'))).toHaveLength(1);
    expect(calls).toHaveLength(7);
  });

  it('retries with the CSRF token that the refresh rotated', async () => {
    setCookie('XSRF-TOKEN', 'old');
    let authorized = false;
    const { calls } = mockFetch(({ url }) => {
      if (url.endsWith('/auth/refresh')) {
        authorized = true;
        setCookie('XSRF-TOKEN', 'new');
        return json({});
      }
      return authorized ? noContent() : problem(401, { title: 'Unauthorized' });
    });
    await api.post('/org/members', { email: 'a@b.c' });
    expect(calls.map((c) => c.headers['x-xsrf-token'])).toEqual(['old', 'old', 'new']);
    expect(calls[2]?.body).toEqual({ email: 'a@b.c' });
  });

  it('tells the app once and rejects every waiting request when the refresh fails', async () => {
    const expired = listenForExpiry();
    const { calls } = mockFetch(() => problem(401, { title: 'Unauthorized', detail: 'Sign in' }));
    const results = await Promise.allSettled([api.get('/me'), api.get('/org/members')]);
    for (const r of results) {
      expect(r.status).toBe('rejected');
      expect((r as PromiseRejectedResult).reason).toMatchObject({ status: 401 });
    }
    expect(calls.filter((c) => c.url.endsWith('/auth/refresh'))).toHaveLength(1);
    expect(expired).toHaveBeenCalledTimes(1);
  });

  it('treats a network error during refresh as a failed refresh', async () => {
    const expired = listenForExpiry();
    mockFetch(({ url }) => {
      if (url.endsWith('/auth/refresh')) throw new TypeError('Failed to fetch');
      return problem(401, { title: 'Unauthorized' });
    });
    await expect(api.get('/me')).rejects.toMatchObject({ status: 401 });
    expect(expired).toHaveBeenCalledTimes(1);
  });

  it('retries only once', async () => {
    const expired = listenForExpiry();
    const { calls } = mockFetch(({ url }) =>
      url.endsWith('/auth/refresh') ? json({}) : problem(401, { title: 'Unauthorized' }),
    );
    await expect(api.get('/me')).rejects.toMatchObject({ status: 401 });
    expect(calls).toHaveLength(3);
    expect(expired).toHaveBeenCalledTimes(1);
  });

  it.each(['/auth/login', '/auth/register', '/auth/refresh'])(
    'does not refresh for %s itself',
    async (path) => {
      const expired = listenForExpiry();
      const { calls } = mockFetch(() =>
        problem(401, { title: 'Unauthorized', detail: 'Invalid email or password.' }),
      );
      await expect(api.post(path, {})).rejects.toMatchObject({
        status: 401,
        message: 'Invalid email or password.',
      });
      expect(calls).toHaveLength(1);
      expect(expired).not.toHaveBeenCalled();
    },
  );

  it('refreshes again for a later 401 once the first refresh settled', async () => {
    let refreshes = 0;
    let authorized = false;
    mockFetch(({ url }) => {
      if (url.endsWith('/auth/refresh')) {
        refreshes += 1;
        authorized = true;
        return json({});
      }
      if (authorized) {
        authorized = false; // the next request's token has expired again
        return json({});
      }
      return problem(401, { title: 'Unauthorized' });
    });
    await api.get('/a');
    await api.get('/b');
    expect(refreshes).toBe(2);
  });
});
