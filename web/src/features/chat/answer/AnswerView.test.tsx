import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { answer } from '@/testing/chat';
import { renderRoutes } from '@/testing/render';
import type { Turn } from '../stream/turn-reducer';
import type { ChatAnswer } from '../types';
import { AnswerView } from './AnswerView';

function turnOf(done: ChatAnswer): Turn {
  return {
    key: 'm1',
    requestId: null,
    question: done.question,
    connectionId: done.connectionId,
    streaming: false,
    stages: [],
    sqlDraft: '',
    analysisDraft: '',
    result: null,
    answer: done,
    error: null,
    stopping: false,
    stopped: false,
  };
}

function renderAnswer(done: ChatAnswer) {
  const actions = { onAsk: vi.fn(), busy: false, canAct: false };
  renderRoutes([{ path: '/', element: <AnswerView turn={turnOf(done)} actions={actions} /> }]);
}

function meta(): HTMLElement {
  const found = document.querySelector<HTMLElement>('.answer__meta');
  if (!found) throw new Error('no answer footer');
  return found;
}

describe('AnswerView footer', () => {
  it("shows the offline engine's confidence with two decimals", () => {
    renderAnswer(
      answer({ provider: 'offline', model: 'offline-engine', confidence: 0.8166, timings: {} }),
    );
    expect(meta()).toHaveTextContent(/^Offline engine · confidence 0\.82$/);
    expect(screen.queryByText(/offline-engine/)).not.toBeInTheDocument();
  });

  it('names the offline engine without a figure when the answer has no confidence', () => {
    renderAnswer(answer({ provider: 'offline', model: 'offline-engine', confidence: null }));
    expect(meta()).toHaveTextContent(/^Offline engine · 3 ms$/);
  });

  it('shows no confidence for an AI provider', () => {
    renderAnswer(
      answer({
        provider: 'anthropic',
        model: 'claude-sonnet',
        confidence: null,
        tokens: { sqlGeneration: { input: 900, output: 100 }, analysis: { input: 0, output: 0 } },
        timings: {},
      }),
    );
    expect(meta()).toHaveTextContent(/^anthropic · claude-sonnet · 1,000 tokens$/);
    expect(meta()).not.toHaveTextContent('confidence');
  });
});
