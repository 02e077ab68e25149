import type { ChatAnswer } from '@/features/chat/types';

/** An answered question, with any field overridden. */
export function answer(overrides: Partial<ChatAnswer> = {}): ChatAnswer {
  return {
    sessionId: 's1',
    messageId: 'm1',
    connectionId: 'c1',
    question: 'How many orders are there?',
    status: 'answered',
    message: null,
    sql: 'SELECT COUNT(*) AS orders FROM orders',
    reasoning: null,
    columns: [{ name: 'orders', type: 'BIGINT', category: 'integer' }],
    rows: [[1200]],
    rowCount: 1,
    truncated: false,
    chart: { type: 'kpi', x: null, y: ['orders'], series: null, title: null },
    analysis: 'There are 1,200 orders.',
    followUps: ['And by month?'],
    tokens: { sqlGeneration: { input: 0, output: 0 }, analysis: { input: 0, output: 0 } },
    timings: { schema: 1, generate_sql: 2 },
    attempts: 1,
    confidence: null,
    provider: 'offline',
    model: null,
    createdAt: '2025-01-01T00:00:00Z',
    ...overrides,
  };
}
