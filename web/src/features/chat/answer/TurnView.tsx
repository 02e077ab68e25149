import { ErrorBoundary, type ErrorFallbackProps } from '@/components/ErrorBoundary';
import type { Turn } from '../stream/turn-reducer';
import { AnswerView, type AnswerActions } from './AnswerView';

function AnswerCrashed({ error, reset }: ErrorFallbackProps) {
  return (
    <div className="alert alert--error" role="alert">
      <strong className="alert__title">This answer could not be shown</strong>
      <div className="alert__body">
        {error instanceof Error ? error.message : 'An unexpected error occurred.'}{' '}
        <button type="button" className="link-button" onClick={reset}>
          Try again
        </button>
      </div>
    </div>
  );
}

/** A question and its answer; the answer has its own error boundary, so one bad answer spares the rest. */
export function TurnView({ turn, actions }: { turn: Turn; actions: AnswerActions }) {
  return (
    <article className="turn" aria-label={turn.question}>
      <div className="turn__question">
        <p>{turn.question}</p>
      </div>
      <div className="turn__answer" aria-busy={turn.streaming}>
        <ErrorBoundary name="answer" fallback={(props) => <AnswerCrashed {...props} />}>
          <AnswerView turn={turn} actions={actions} />
        </ErrorBoundary>
      </div>
    </article>
  );
}
