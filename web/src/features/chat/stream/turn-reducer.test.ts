import { describe, expect, it } from 'vitest';
import { answer } from '@/testing/chat';
import type { AskEvent } from './ask-socket';
import {
  conversationReducer,
  initialConversation,
  LOST_MESSAGE,
  type ConversationAction,
  type ConversationState,
} from './turn-reducer';

function run(actions: ConversationAction[], state: ConversationState = initialConversation) {
  return actions.reduce(conversationReducer, state);
}

const start: ConversationAction = {
  type: 'start',
  requestId: 'r1',
  question: 'How many orders are there?',
  connectionId: 'c1',
};
const ev = (event: AskEvent): ConversationAction => ({ type: 'event', event });

describe('conversationReducer', () => {
  it('builds a turn from stages, tokens, the result and the final answer, in order', () => {
    const steps: ConversationAction[] = [
      start,
      ev({ type: 'stage', requestId: 'r1', stage: 'schema', state: 'started', ms: 0 }),
      ev({ type: 'stage', requestId: 'r1', stage: 'schema', state: 'done', ms: 4 }),
      ev({ type: 'stage', requestId: 'r1', stage: 'generate_sql', state: 'started', ms: 0 }),
      ev({ type: 'token', requestId: 'r1', phase: 'sql_generation', content: 'SELECT ' }),
      ev({ type: 'token', requestId: 'r1', phase: 'sql_generation', content: 'COUNT(*)' }),
      ev({ type: 'stage', requestId: 'r1', stage: 'generate_sql', state: 'done', ms: 30 }),
      ev({
        type: 'result',
        requestId: 'r1',
        columns: [{ name: 'orders', type: 'BIGINT', category: 'integer' }],
        rows: [[1200]],
        rowCount: 1,
        truncated: false,
      }),
      ev({ type: 'token', requestId: 'r1', phase: 'analysis', content: 'There are ' }),
      ev({ type: 'token', requestId: 'r1', phase: 'analysis', content: '1,200 orders.' }),
    ];
    const streaming = run(steps).turns[0]!;
    expect(streaming.streaming).toBe(true);
    expect(streaming.stages).toEqual([
      { stage: 'schema', state: 'done', ms: 4 },
      { stage: 'generate_sql', state: 'done', ms: 30 },
    ]);
    expect(streaming.sqlDraft).toBe('SELECT COUNT(*)');
    expect(streaming.analysisDraft).toBe('There are 1,200 orders.');
    expect(streaming.result).toEqual({
      columns: [{ name: 'orders', type: 'BIGINT', category: 'integer' }],
      rows: [[1200]],
      rowCount: 1,
      truncated: false,
    });

    const done = run([ev({ type: 'chat_response', requestId: 'r1', ...answer() })], run(steps))
      .turns[0]!;
    expect(done.streaming).toBe(false);
    expect(done.answer).toEqual(answer());
    expect(done.error).toBeNull();
  });

  it('ignores events after the final answer and events of other questions', () => {
    const before = run([start, ev({ type: 'chat_response', requestId: 'r1', ...answer() })]);
    const after = run(
      [
        ev({ type: 'token', requestId: 'r1', phase: 'analysis', content: 'late' }),
        ev({ type: 'error', requestId: 'r1', problem: { detail: 'late' } }),
        ev({ type: 'token', requestId: 'other', phase: 'analysis', content: 'x' }),
      ],
      before,
    );
    expect(after).toBe(before);
  });

  it('finishes the latest start of a stage that runs again after a repair', () => {
    const turn = run([
      start,
      ev({ type: 'stage', requestId: 'r1', stage: 'generate_sql', state: 'started', ms: 0 }),
      ev({ type: 'stage', requestId: 'r1', stage: 'generate_sql', state: 'done', ms: 10 }),
      ev({ type: 'stage', requestId: 'r1', stage: 'check', state: 'started', ms: 0 }),
      ev({ type: 'stage', requestId: 'r1', stage: 'check', state: 'done', ms: 1 }),
      ev({ type: 'stage', requestId: 'r1', stage: 'repair', state: 'started', ms: 0 }),
      ev({ type: 'stage', requestId: 'r1', stage: 'check', state: 'started', ms: 0 }),
      ev({ type: 'stage', requestId: 'r1', stage: 'check', state: 'done', ms: 2 }),
      ev({ type: 'stage', requestId: 'r1', stage: 'repair', state: 'done', ms: 20 }),
      ev({ type: 'stage', requestId: 'r1', stage: 'execute', state: 'done', ms: 5 }),
    ]).turns[0]!;
    expect(turn.stages).toEqual([
      { stage: 'generate_sql', state: 'done', ms: 10 },
      { stage: 'check', state: 'done', ms: 1 },
      { stage: 'repair', state: 'done', ms: 20 },
      { stage: 'check', state: 'done', ms: 2 },
      // A "done" without its "started" still shows.
      { stage: 'execute', state: 'done', ms: 5 },
    ]);
  });

  it('ends a turn with the problem of an error event', () => {
    const turn = run([
      start,
      ev({
        type: 'error',
        requestId: 'r1',
        problem: { title: 'Not Found', detail: 'Connection not found' },
      }),
    ]).turns[0]!;
    expect(turn).toMatchObject({ streaming: false, error: 'Connection not found', answer: null });
    const untitled = run([start, ev({ type: 'error', requestId: 'r1', problem: null })]).turns[0]!;
    expect(untitled.error).toBe('The question could not be answered.');
  });

  it('ends a turn whose connection was lost', () => {
    const turn = run([start, ev({ type: 'disconnected', requestId: 'r1', reason: 'lost' })])
      .turns[0]!;
    expect(turn).toMatchObject({ streaming: false, error: LOST_MESSAGE });
  });

  it('marks a stopped turn: stopping until the server answers, then stopped', () => {
    const stopping = run([start, { type: 'stop', requestId: 'r1' }]);
    expect(stopping.turns[0]).toMatchObject({ streaming: true, stopping: true });
    const answered = run(
      [
        ev({
          type: 'chat_response',
          requestId: 'r1',
          ...answer({ status: 'failed', message: 'The question was cancelled.' }),
        }),
      ],
      stopping,
    );
    expect(answered.turns[0]).toMatchObject({ streaming: false, stopping: false, stopped: true });
    // The local grace period ending later changes nothing.
    expect(run([{ type: 'stopped', requestId: 'r1' }], answered)).toBe(answered);
  });

  it('stops a turn locally when the server never got it', () => {
    const turn = run([start, { type: 'stopped', requestId: 'r1' }]).turns[0]!;
    expect(turn).toMatchObject({ streaming: false, stopped: true, answer: null });
  });

  it('keeps questions asked while the history loaded after it', () => {
    const state = run([
      start,
      { type: 'history', answers: [answer({ messageId: 'm0', question: 'Earlier' })] },
    ]);
    expect(state.turns.map((t) => [t.key, t.question, t.streaming])).toEqual([
      ['m0', 'Earlier', false],
      ['r1', 'How many orders are there?', true],
    ]);
    expect(run([{ type: 'reset' }], state)).toBe(initialConversation);
  });

  it('fails a turn with a message (the HTTP fallback failing)', () => {
    const turn = run([start, { type: 'failed', requestId: 'r1', message: 'Server down' }])
      .turns[0]!;
    expect(turn).toMatchObject({ streaming: false, error: 'Server down' });
  });
});
