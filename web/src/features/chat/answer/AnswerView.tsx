import { Alert } from '@/components/Alert';
import { chatApi } from '../api';
import { ResultView } from '../result/ResultView';
import type { Turn } from '../stream/turn-reducer';
import type { ChatAnswer } from '../types';
import { Feedback } from './Feedback';
import { FollowUps } from './FollowUps';
import { SqlPanel } from './SqlPanel';
import { StageProgress } from './StageProgress';
import { StreamingText } from './StreamingText';

export interface AnswerActions {
  /** Asks a question in this conversation (a follow-up, or the same question again). */
  onAsk: (question: string) => void;
  /** Another question is being answered, so nothing can be asked now. */
  busy: boolean;
  /** Analysts and above ask questions, rate answers, and edit and re-run SQL; viewers only read. */
  canAct: boolean;
}

function AskAgain({ turn, actions }: { turn: Turn; actions: AnswerActions }) {
  if (!actions.canAct) return null;
  return (
    <button
      type="button"
      className="btn btn--ghost btn--sm"
      disabled={actions.busy}
      onClick={() => actions.onAsk(turn.question)}
    >
      Ask again
    </button>
  );
}

function Streaming({ turn }: { turn: Turn }) {
  return (
    <>
      <StageProgress stages={turn.stages} active />
      {turn.sqlDraft && !turn.result && (
        <StreamingText text={turn.sqlDraft} label="SQL being written" code />
      )}
      {turn.result && <ResultView result={turn.result} chart={null} title={turn.question} />}
      {turn.analysisDraft && (
        <StreamingText text={turn.analysisDraft} label="Analysis being written" />
      )}
      {turn.stopping && <p className="muted">Stopping…</p>}
    </>
  );
}

function Answered({ answer, actions }: { answer: ChatAnswer; actions: AnswerActions }) {
  const { messageId } = answer;
  const result = answer.columns
    ? {
        columns: answer.columns,
        rows: answer.rows ?? [],
        rowCount: answer.rowCount,
        truncated: answer.truncated,
      }
    : null;
  return (
    <>
      {answer.sql && (
        <SqlPanel
          sql={answer.sql}
          connectionId={answer.connectionId}
          canEdit={actions.canAct}
          title={answer.question}
        />
      )}
      {answer.reasoning && (
        <details className="reasoning">
          <summary>How the question was read</summary>
          <p>{answer.reasoning}</p>
        </details>
      )}
      {result && (
        <ResultView
          result={result}
          chart={answer.chart}
          title={answer.question}
          fullCsv={
            // Running the query again is an analyst's right; viewers download the rows shown.
            actions.canAct && messageId != null ? () => chatApi.resultCsv(messageId) : undefined
          }
        />
      )}
      {answer.analysis && (
        <section aria-label="Analysis">
          <p className="analysis">{answer.analysis}</p>
        </section>
      )}
      <FollowUps
        questions={actions.canAct ? (answer.followUps ?? []) : []}
        onAsk={actions.onAsk}
        disabled={actions.busy}
      />
    </>
  );
}

function Unanswered({
  turn,
  answer,
  actions,
}: {
  turn: Turn;
  answer: ChatAnswer;
  actions: AnswerActions;
}) {
  const declined = answer.status === 'declined';
  const fallback = declined
    ? 'DataMind could not answer this question.'
    : 'Something went wrong while answering this question.';
  return (
    <>
      <Alert
        tone={declined ? 'info' : 'error'}
        title={declined ? 'Not answered' : turn.stopped ? 'Stopped' : 'Failed'}
      >
        {answer.message ?? fallback}
      </Alert>
      {answer.reasoning && <p className="muted">{answer.reasoning}</p>}
      {answer.sql && (
        <SqlPanel
          sql={answer.sql}
          connectionId={answer.connectionId}
          canEdit={actions.canAct}
          title={answer.question}
        />
      )}
      <FollowUps
        questions={actions.canAct ? (answer.followUps ?? []) : []}
        onAsk={actions.onAsk}
        disabled={actions.busy}
      />
    </>
  );
}

/** Who wrote the SQL: the offline engine with its confidence, or the provider and model. */
function author(answer: ChatAnswer): string | null {
  if (answer.provider === 'offline') {
    return answer.confidence == null
      ? 'Offline engine'
      : `Offline engine · confidence ${answer.confidence.toFixed(2)}`;
  }
  if (!answer.provider) return null;
  return answer.model ? `${answer.provider} · ${answer.model}` : answer.provider;
}

function footer(answer: ChatAnswer): string {
  const parts: string[] = [];
  const by = author(answer);
  if (by) parts.push(by);
  const t = answer.tokens;
  const tokens = t
    ? t.sqlGeneration.input + t.sqlGeneration.output + t.analysis.input + t.analysis.output
    : 0;
  if (tokens > 0) parts.push(`${tokens.toLocaleString()} tokens`);
  if (answer.attempts > 1) parts.push(`${answer.attempts} attempts`);
  const total = Object.values(answer.timings ?? {}).reduce((sum, ms) => sum + ms, 0);
  if (total > 0) parts.push(total < 1000 ? `${total} ms` : `${(total / 1000).toFixed(1)} s`);
  return parts.join(' · ');
}

/** One answer: its progress while streaming, then SQL, result, chart, analysis and follow-ups. */
export function AnswerView({ turn, actions }: { turn: Turn; actions: AnswerActions }) {
  const { answer } = turn;
  if (turn.streaming) return <Streaming turn={turn} />;
  if (!answer) {
    return (
      <>
        {turn.stopped ? (
          <p className="muted">Stopped before an answer arrived.</p>
        ) : (
          <Alert title="No answer">{turn.error ?? 'The question could not be answered.'}</Alert>
        )}
        <AskAgain turn={turn} actions={actions} />
      </>
    );
  }
  const meta = footer(answer);
  return (
    <>
      {answer.status === 'answered' ? (
        <Answered answer={answer} actions={actions} />
      ) : (
        <Unanswered turn={turn} answer={answer} actions={actions} />
      )}
      <div className="answer__footer">
        {actions.canAct && answer.messageId != null && answer.status === 'answered' && (
          <Feedback messageId={answer.messageId} />
        )}
        {answer.status !== 'answered' && <AskAgain turn={turn} actions={actions} />}
        {meta && <span className="answer__meta muted">{meta}</span>}
      </div>
    </>
  );
}
