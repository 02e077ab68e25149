import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderApp } from '@/testing/app';
import { answer } from '@/testing/chat';
import { json, mockFetch, noContent, problem, type Call } from '@/testing/fetch';
import { ADA, authValue, renderRoutes } from '@/testing/render';
import { FakeWebSocket } from '@/testing/websocket';
import { ChatPage } from './ChatPage';
import type * as CsvModule from './result/csv';
import type { ChatAnswer, ChatSession } from './types';

vi.mock('@/components/chart', () => ({
  Chart: ({ ariaLabel }: { ariaLabel: string }) => <div role="img" aria-label={ariaLabel} />,
}));
const csv = vi.hoisted(() => ({ downloadCsv: vi.fn() }));
vi.mock('./result/csv', async (original) => ({
  ...(await original<typeof CsvModule>()),
  ...csv,
}));

const connections = [
  { id: 'c-uploads', name: 'Uploads', type: 'duckdb', managed: true, managedKind: 'uploads' },
  { id: 'c-pg', name: 'Warehouse', type: 'postgresql', managed: false, managedKind: null },
  { id: 'c-sample', name: 'Sample Sales', type: 'duckdb', managed: true, managedKind: 'sample' },
];

interface Backend {
  sessions: ChatSession[];
  messages: Record<string, ChatAnswer[]>;
  handle?: (call: Call) => Response | undefined;
}

function backend(state: Backend) {
  return mockFetch((call) => {
    const custom = state.handle?.(call);
    if (custom) return custom;
    const url = new URL(call.url, 'http://localhost');
    const path = url.pathname.replace('/api/v1', '');
    if (path === '/connections') {
      return json({ items: connections, total: connections.length, offset: 0, limit: 100 });
    }
    if (path === '/org/budget') {
      return json({
        budget: 1000,
        used: 900,
        remaining: 100,
        pctUsed: 90,
        resetsAt: '2025-04-01T00:00:00Z',
      });
    }
    if (path === '/chat/sessions') {
      return json({ items: state.sessions, total: state.sessions.length, offset: 0, limit: 30 });
    }
    const messages = /^\/chat\/sessions\/([^/]+)\/messages$/.exec(path);
    if (messages) {
      const items = state.messages[messages[1]!];
      return items
        ? json({ items, total: items.length, offset: 0, limit: 100 })
        : problem(404, { title: 'Not Found', detail: 'Session not found' });
    }
    if (path.endsWith('/feedback')) return noContent();
    if (path === '/me') return json(ADA);
    return problem(404, { title: 'Not Found' });
  });
}

function renderChat(path = '/chat', role = 'owner') {
  return renderRoutes([{ path: '/chat/:sessionId?', element: <ChatPage /> }], {
    path,
    auth: authValue({ ...ADA, user: { ...ADA.user, role } }),
  });
}

/** Sends server events to the open socket, as React would receive them. */
function serverSends(...events: Record<string, unknown>[]) {
  const ws = FakeWebSocket.latest();
  act(() => {
    for (const e of events) ws.receive(e);
  });
}

function lastAsk() {
  const ws = FakeWebSocket.latest();
  return ws.sent.filter((m) => (m as { type: string }).type === 'ask').at(-1) as {
    requestId: string;
    connectionId: string;
    question: string;
    sessionId: string | null;
  };
}

async function askQuestion(text: string) {
  const user = userEvent.setup();
  const box = await screen.findByLabelText('Your question');
  await user.type(box, text);
  await user.keyboard('{Enter}');
  return user;
}

beforeEach(() => {
  FakeWebSocket.install();
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('ChatPage', () => {
  it('streams an answer in: progress, SQL being written, result, analysis, then the final answer', async () => {
    const state: Backend = { sessions: [], messages: {} };
    const { calls } = backend(state);
    const { router } = renderChat();

    expect(await screen.findByRole('combobox', { name: 'Connection' })).toHaveValue('c-sample');
    expect(await screen.findByRole('progressbar', { name: /token budget/ })).toHaveAttribute(
      'aria-valuenow',
      '90',
    );
    await askQuestion('How many orders are there?');
    act(() => FakeWebSocket.latest().open());
    const ask = lastAsk();
    expect(ask).toMatchObject({
      connectionId: 'c-sample',
      question: 'How many orders are there?',
      sessionId: null,
    });
    const id = ask.requestId;
    const composer = screen.getByRole('form', { name: 'Ask a question' });
    expect(within(composer).getByRole('button', { name: 'Stop' })).toBeInTheDocument();

    serverSends(
      { type: 'stage', requestId: id, stage: 'schema', state: 'started', ms: 0 },
      { type: 'stage', requestId: id, stage: 'schema', state: 'done', ms: 3 },
      { type: 'stage', requestId: id, stage: 'generate_sql', state: 'started', ms: 0 },
      { type: 'token', requestId: id, phase: 'sql_generation', content: 'SELECT COUNT(*) ' },
      { type: 'token', requestId: id, phase: 'sql_generation', content: 'FROM orders' },
    );
    const progress = screen.getByRole('list', { name: 'Progress' });
    expect(within(progress).getByText('Reading the schema')).toBeInTheDocument();
    expect(within(progress).getByText('3 ms')).toBeInTheDocument();
    expect(within(progress).getByText('Writing SQL')).toBeInTheDocument();
    expect(screen.getByText('Writing SQL…')).toBeInTheDocument(); // the live region
    const draft = screen.getByRole('region', { name: 'SQL being written' });
    expect(draft).toHaveTextContent('SELECT COUNT(*) FROM orders');
    expect(draft).toHaveAttribute('aria-busy', 'true');

    serverSends(
      { type: 'stage', requestId: id, stage: 'generate_sql', state: 'done', ms: 20 },
      {
        type: 'result',
        requestId: id,
        columns: [{ name: 'orders', type: 'BIGINT', category: 'integer' }],
        rows: [[1200]],
        rowCount: 1,
        truncated: false,
      },
      { type: 'token', requestId: id, phase: 'analysis', content: 'There are ' },
      { type: 'token', requestId: id, phase: 'analysis', content: '1,200 orders.' },
    );
    expect(screen.queryByRole('region', { name: 'SQL being written' })).toBeNull();
    expect(screen.getByRole('cell', { name: '1200' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Analysis being written' })).toHaveTextContent(
      'There are 1,200 orders.',
    );

    const sessionsLoads = calls.filter((c) => c.url.startsWith('/api/v1/chat/sessions?')).length;
    state.sessions = [{ id: 's1', title: 'How many orders are there?' }];
    state.messages.s1 = [answer()];
    serverSends({ type: 'chat_response', requestId: id, ...answer() });

    const turn = screen.getByRole('article', { name: 'How many orders are there?' });
    expect(within(turn).getByText('SELECT COUNT(*) AS orders FROM orders')).toBeInTheDocument();
    expect(within(turn).getByText('1,200')).toHaveClass('kpi__value');
    expect(within(turn).getByText('There are 1,200 orders.')).toBeInTheDocument();
    expect(within(turn).getByRole('button', { name: 'And by month?' })).toBeInTheDocument();
    expect(screen.getByText('Answer ready.')).toBeInTheDocument();
    expect(within(composer).getByRole('button', { name: 'Ask' })).toBeInTheDocument();

    // The new session is opened, listed in the sidebar, and its history is not loaded again.
    await vi.waitFor(() => expect(router.state.location.pathname).toBe('/chat/s1'));
    expect(
      await screen.findByRole('link', { name: 'How many orders are there?' }),
    ).toBeInTheDocument();
    expect(calls.filter((c) => c.url.startsWith('/api/v1/chat/sessions?')).length).toBe(
      sessionsLoads + 1,
    );
    expect(calls.some((c) => c.url.includes('/messages'))).toBe(false);
    expect(calls.filter((c) => c.url === '/api/v1/org/budget')).toHaveLength(2);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(
      'How many orders are there?',
    );
    expect(screen.getAllByRole('article')).toHaveLength(1);
  });

  it('asks a follow-up chip in the same session', async () => {
    backend({ sessions: [{ id: 's1', title: 'Orders' }], messages: { s1: [answer()] } });
    renderChat('/chat/s1');
    const chip = await screen.findByRole('button', { name: 'And by month?' });
    const user = userEvent.setup();
    await user.click(chip);
    act(() => FakeWebSocket.latest().open());
    expect(lastAsk()).toMatchObject({
      question: 'And by month?',
      sessionId: 's1',
      connectionId: 'c1',
    });
    expect(screen.getAllByRole('article')).toHaveLength(2);
    // Nothing else can be asked while the answer streams.
    expect(screen.getByRole('button', { name: 'And by month?' })).toBeDisabled();
  });

  it('asks with Enter and starts a new line with Shift+Enter', async () => {
    backend({ sessions: [], messages: {} });
    renderChat();
    const user = userEvent.setup();
    const box = await screen.findByLabelText('Your question');
    await screen.findByRole('combobox', { name: 'Connection' });
    await user.type(box, 'Revenue{Shift>}{Enter}{/Shift}by month');
    expect(box).toHaveValue('Revenue\nby month');
    expect(FakeWebSocket.instances).toHaveLength(0);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Connection' }), 'c-pg');
    await user.click(box);
    await user.keyboard('{Enter}');
    expect(box).toHaveValue('');
    act(() => FakeWebSocket.latest().open());
    expect(lastAsk()).toMatchObject({ question: 'Revenue\nby month', connectionId: 'c-pg' });
  });

  it('stops an answer: sends cancel and shows the stopped answer', async () => {
    backend({ sessions: [], messages: {} });
    renderChat();
    const user = await askQuestion('Slow question');
    act(() => FakeWebSocket.latest().open());
    const id = lastAsk().requestId;
    await user.click(screen.getByRole('button', { name: 'Stop' }));
    expect(FakeWebSocket.latest().sent.at(-1)).toEqual({ type: 'cancel', requestId: id });
    expect(screen.getByRole('button', { name: 'Stopping…' })).toBeDisabled();

    serverSends({
      type: 'chat_response',
      requestId: id,
      ...answer({
        question: 'Slow question',
        status: 'failed',
        message: 'The question was cancelled.',
        sql: null,
        columns: null,
        rows: null,
        analysis: null,
        followUps: [],
      }),
    });
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Stopped');
    expect(alert).toHaveTextContent('The question was cancelled.');
    expect(screen.getByRole('button', { name: 'Ask again' })).toBeEnabled();
  });

  it('shows declined and failed answers with their message', async () => {
    backend({ sessions: [], messages: {} });
    renderChat();
    const user = await askQuestion('What is the meaning of life?');
    act(() => FakeWebSocket.latest().open());
    serverSends({
      type: 'chat_response',
      requestId: lastAsk().requestId,
      ...answer({
        question: 'What is the meaning of life?',
        status: 'declined',
        message:
          'Your organization has exceeded its monthly token budget. Please contact your administrator.',
        sql: null,
        columns: null,
        rows: null,
        chart: null,
        analysis: null,
        followUps: null,
      }),
    });
    const declined = screen.getByText('Not answered').closest('.alert');
    expect(declined).toHaveAttribute('role', 'status');
    expect(declined).toHaveTextContent('exceeded its monthly token budget');

    await user.type(screen.getByLabelText('Your question'), 'Broken{Enter}');
    serverSends({
      type: 'error',
      requestId: lastAsk().requestId,
      problem: { status: 404, title: 'Not Found', detail: 'Connection not found' },
    });
    const failed = screen.getByRole('article', { name: 'Broken' });
    expect(within(failed).getByRole('alert')).toHaveTextContent('Connection not found');
    await user.click(within(failed).getByRole('button', { name: 'Ask again' }));
    expect(lastAsk()).toMatchObject({ question: 'Broken' });
  });

  it('falls back to plain HTTP when no WebSocket connection can be opened', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const state: Backend = {
      sessions: [],
      messages: {},
      handle: (call) =>
        call.url === '/api/v1/chat/messages'
          ? json(answer({ question: 'Offline?', sessionId: 's9' }))
          : undefined,
    };
    const { calls } = backend(state);
    const { router } = renderChat();
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime.bind(vi) });
    await user.type(await screen.findByLabelText('Your question'), 'Offline?');
    await screen.findByRole('combobox', { name: 'Connection' });
    await user.keyboard('{Enter}');
    for (let attempt = 0; attempt < 4; attempt++) {
      act(() => FakeWebSocket.latest().drop());
      await act(() => vi.advanceTimersByTimeAsync(15_000));
    }
    expect(FakeWebSocket.instances).toHaveLength(4);
    expect(await screen.findByText('There are 1,200 orders.')).toBeInTheDocument();
    expect(calls.find((c) => c.url === '/api/v1/chat/messages')?.body).toEqual({
      connectionId: 'c-sample',
      question: 'Offline?',
      sessionId: null,
    });
    // The WebSocket renewal went through the API (which refreshes an expired cookie).
    expect(calls.some((c) => c.url === '/api/v1/me')).toBe(true);
    await vi.waitFor(() => expect(router.state.location.pathname).toBe('/chat/s9'));
  });

  it('downloads the whole result of a stored answer from the server; a viewer gets the rows shown', async () => {
    csv.downloadCsv.mockClear();
    const preview = answer({
      messageId: 'm7',
      question: 'Orders per day',
      columns: [
        { name: 'day', type: 'DATE', category: 'date' },
        { name: 'orders', type: 'BIGINT', category: 'integer' },
      ],
      rows: [
        ['2023-01-01', 3],
        ['2023-01-02', 5],
      ],
      rowCount: 365,
      chart: null,
    });
    const whole = 'day,orders\r\n' + '2023-01-01,3\r\n'.repeat(365);
    const state: Backend = {
      sessions: [{ id: 's1', title: 'Orders' }],
      messages: { s1: [preview] },
      handle: (call) =>
        call.url === '/api/v1/chat/messages/m7/result'
          ? new Response(whole, { headers: { 'Content-Type': 'text/csv;charset=UTF-8' } })
          : undefined,
    };
    const { calls } = backend(state);
    const user = userEvent.setup();
    const { unmount } = renderChat('/chat/s1', 'analyst');
    let turn = await screen.findByRole('article', { name: 'Orders per day' });
    await user.click(within(turn).getByRole('button', { name: 'Download CSV' }));
    await vi.waitFor(() => expect(csv.downloadCsv).toHaveBeenCalledOnce());
    expect(calls.find((c) => c.url.endsWith('/result'))?.headers.accept).toBe('text/csv');
    expect(csv.downloadCsv).toHaveBeenCalledWith('orders-per-day.csv', whole);
    unmount();

    csv.downloadCsv.mockClear();
    renderChat('/chat/s1', 'viewer');
    turn = await screen.findByRole('article', { name: 'Orders per day' });
    expect(within(turn).getByText('The CSV holds only the 2 rows shown here.')).toBeInTheDocument();
    await user.click(within(turn).getByRole('button', { name: 'Download CSV' }));
    expect(calls.filter((c) => c.url.endsWith('/result'))).toHaveLength(1);
    const [, content] = csv.downloadCsv.mock.calls[0] as [string, string];
    expect(content.split('\r\n').filter(Boolean)).toHaveLength(3);
  });

  it('loads a conversation’s history, sends feedback and lets analysts re-run edited SQL', async () => {
    const state: Backend = {
      sessions: [{ id: 's1', title: 'Orders' }],
      messages: {
        s1: [
          answer({
            messageId: 'm1',
            question: 'Orders by status',
            sql: 'SELECT status, COUNT(*) AS n FROM orders GROUP BY status',
            columns: [
              { name: 'status', type: 'VARCHAR', category: 'text' },
              { name: 'n', type: 'BIGINT', category: 'integer' },
            ],
            rows: [
              ['shipped', 10],
              ['open', 4],
            ],
            rowCount: 2,
            chart: { type: 'bar', x: 'status', y: ['n'], series: null, title: 'Orders by status' },
          }),
        ],
      },
      handle: (call) => {
        if (call.url !== '/api/v1/query') return undefined;
        const { sql } = call.body as { sql: string };
        if (sql.includes('DELETE')) {
          return problem(400, {
            detail: 'Invalid request',
            errors: [{ field: 'sql', message: 'Only one read-only query is allowed' }],
          });
        }
        if (sql.includes('/ 0')) {
          // The server had started the result when the query failed: rows so far, then the problem.
          return json({
            columns: [{ name: 'n', type: 'integer', nativeType: 'BIGINT' }],
            rows: [[21]],
            rowCount: 1,
            truncated: true,
            durationMs: 9,
            error: {
              title: 'Query failed',
              status: 400,
              detail: 'division by zero',
              requestId: 'r1',
            },
          });
        }
        return json({
          columns: [{ name: 'n', type: 'integer', nativeType: 'BIGINT' }],
          rows: [[14]],
          rowCount: 1,
          truncated: false,
          durationMs: 7,
        });
      },
    };
    const { calls } = backend(state);
    renderChat('/chat/s1', 'analyst');
    const turn = await screen.findByRole('article', { name: 'Orders by status' });
    expect(
      within(turn).getByRole('img', { name: 'Bar chart: Orders by status' }),
    ).toBeInTheDocument();
    expect(within(turn).getByRole('combobox', { name: 'Chart type' })).toHaveValue('bar');
    const user = userEvent.setup();
    await user.selectOptions(within(turn).getByRole('combobox', { name: 'Chart type' }), 'pie');
    expect(within(turn).getByRole('img', { name: 'Pie chart: n by status' })).toBeInTheDocument();

    await user.click(within(turn).getByRole('button', { name: 'Good answer' }));
    expect(await within(turn).findByText(/Thanks!/)).toBeInTheDocument();
    expect(calls.find((c) => c.url.endsWith('/feedback'))).toMatchObject({
      url: '/api/v1/chat/messages/m1/feedback',
      body: { rating: 'up', comment: '' },
    });

    await user.click(within(turn).getByRole('button', { name: 'Edit and run' }));
    const editor = within(turn).getByLabelText('SQL to run');
    await user.clear(editor);
    await user.type(editor, 'DELETE FROM orders');
    await user.click(within(turn).getByRole('button', { name: 'Run' }));
    expect(
      await within(turn).findByText('Only one read-only query is allowed'),
    ).toBeInTheDocument();

    await user.clear(editor);
    await user.type(editor, 'SELECT COUNT(*) AS n FROM orders');
    await user.click(within(turn).getByRole('button', { name: 'Run' }));
    expect(await within(turn).findByText('Edited query')).toBeInTheDocument();
    expect(calls.filter((c) => c.url === '/api/v1/query').at(-1)?.body).toEqual({
      connectionId: 'c1',
      sql: 'SELECT COUNT(*) AS n FROM orders',
    });
    expect(
      within(turn).getByRole('table', { name: 'Orders by status (edited)' }),
    ).toHaveTextContent('14');

    await user.click(within(turn).getByRole('button', { name: 'Edit and run' }));
    await user.clear(within(turn).getByLabelText('SQL to run'));
    await user.type(within(turn).getByLabelText('SQL to run'), 'SELECT n / 0 FROM orders');
    await user.click(within(turn).getByRole('button', { name: 'Run' }));
    expect(
      await within(turn).findByText('Stopped after 1 row: division by zero'),
    ).toBeInTheDocument();
    expect(
      within(turn).getByRole('table', { name: 'Orders by status (edited)' }),
    ).toHaveTextContent('21');
  });

  it('lets viewers read answers but not ask, rate or edit', async () => {
    backend({ sessions: [{ id: 's1', title: 'Orders' }], messages: { s1: [answer()] } });
    renderChat('/chat/s1', 'viewer');
    const turn = await screen.findByRole('article', { name: 'How many orders are there?' });
    expect(within(turn).getByText('There are 1,200 orders.')).toBeInTheDocument();
    expect(within(turn).getByRole('button', { name: 'Copy SQL' })).toBeInTheDocument();
    expect(within(turn).queryByRole('button', { name: 'Edit and run' })).toBeNull();
    expect(within(turn).queryByRole('button', { name: 'Good answer' })).toBeNull();
    expect(within(turn).queryByRole('button', { name: 'And by month?' })).toBeNull();
    expect(screen.queryByLabelText('Your question')).toBeNull();
    expect(screen.getByText(/asking questions needs the analyst role/)).toBeInTheDocument();
  });

  it('asks for a comment on a thumbs down', async () => {
    const { calls } = backend({ sessions: [], messages: { s1: [answer()] } });
    renderChat('/chat/s1', 'analyst');
    const turn = await screen.findByRole('article', { name: 'How many orders are there?' });
    const user = userEvent.setup();
    await user.click(within(turn).getByRole('button', { name: 'Bad answer' }));
    expect(within(turn).getByRole('button', { name: 'Bad answer' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await user.type(within(turn).getByLabelText('What was wrong? (optional)'), 'Wrong table');
    await user.click(within(turn).getByRole('button', { name: 'Send' }));
    expect(await within(turn).findByText('Thanks for the feedback.')).toBeInTheDocument();
    expect(calls.find((c) => c.url.endsWith('/feedback'))?.body).toEqual({
      rating: 'down',
      comment: 'Wrong table',
    });
  });

  it('keeps the other answers when one cannot be shown', async () => {
    const broken = { ...answer({ messageId: 'm2', question: 'Broken' }), followUps: 'oops' };
    backend({
      sessions: [],
      messages: { s1: [answer(), broken as unknown as ChatAnswer] },
    });
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    renderChat('/chat/s1');
    const bad = await screen.findByRole('article', { name: 'Broken' });
    expect(within(bad).getByRole('alert')).toHaveTextContent('This answer could not be shown');
    const good = screen.getByRole('article', { name: 'How many orders are there?' });
    expect(within(good).getByText('There are 1,200 orders.')).toBeInTheDocument();
    spy.mockRestore();
  });

  it('says when a conversation does not exist', async () => {
    backend({ sessions: [], messages: {} });
    renderChat('/chat/nope');
    expect(await screen.findByText('Conversation not found')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Start a new conversation' })).toHaveAttribute(
      'href',
      '/chat',
    );
  });

  it('deleting the open conversation goes to a new one', async () => {
    const state: Backend = {
      sessions: [{ id: 's1', title: 'Orders' }],
      messages: { s1: [answer()] },
      handle: (call) => (call.method === 'DELETE' ? noContent() : undefined),
    };
    backend(state);
    const { router } = renderChat('/chat/s1');
    await screen.findByRole('article');
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Delete “Orders”' }));
    state.sessions = [];
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    await vi.waitFor(() => expect(router.state.location.pathname).toBe('/chat'));
    expect(await screen.findByText(/No conversations yet/)).toBeInTheDocument();
    // The router renders the navigation in a transition, which may come after the sidebar's reload.
    await vi.waitFor(() => expect(screen.queryByRole('article')).toBeNull());
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('New conversation');
  });

  it('keeps the page, and the answer, when the app opens the session a first question created', async () => {
    const state: Backend = { sessions: [], messages: {} };
    const { calls } = backend(state);
    const { router } = renderApp('/chat');
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Chat' })).toHaveClass('nav-item--active');
    await askQuestion('How many orders are there?');
    act(() => FakeWebSocket.latest().open());
    const id = lastAsk().requestId;
    serverSends({ type: 'stage', requestId: id, stage: 'schema', state: 'started', ms: 0 });
    state.sessions = [{ id: 's1', title: 'How many orders are there?' }];
    serverSends({ type: 'chat_response', requestId: id, ...answer() });
    await vi.waitFor(() => expect(router.state.location.pathname).toBe('/chat/s1'));
    expect(
      await screen.findByRole('link', { name: 'How many orders are there?' }),
    ).toBeInTheDocument();
    expect(screen.getByText('There are 1,200 orders.')).toBeInTheDocument();
    expect(calls.some((c) => c.url.includes('/messages'))).toBe(false);
    // Still the same connection for the next question.
    expect(FakeWebSocket.instances).toHaveLength(1);
    expect(FakeWebSocket.latest().readyState).toBe(FakeWebSocket.OPEN);
  });
});
