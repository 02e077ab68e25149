import { useId, useState, type KeyboardEvent } from 'react';
import { SendIcon, StopIcon } from '@/components/icons';
import type { Id } from '@/lib/api';
import type { ConnectionSummary } from '../api';
import { ConnectionPicker } from './ConnectionPicker';

const MAX_QUESTION = 2000;

interface ComposerProps {
  connections: ConnectionSummary[] | undefined;
  connectionsError: unknown;
  connectionId: Id | undefined;
  onConnectionChange: (id: Id) => void;
  busy: boolean;
  stopping: boolean;
  onAsk: (question: string) => void;
  onStop: () => void;
}

/** The question box: Enter asks, Shift+Enter starts a new line; Stop while an answer streams. */
export function Composer({
  connections,
  connectionsError,
  connectionId,
  onConnectionChange,
  busy,
  stopping,
  onAsk,
  onStop,
}: ComposerProps) {
  const [question, setQuestion] = useState('');
  const questionId = useId();
  const canAsk = !busy && connectionId !== undefined && question.trim().length > 0;

  const submit = () => {
    if (!canAsk) return;
    onAsk(question.trim());
    setQuestion('');
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    // Not while an input method is composing a character: its Enter confirms the character.
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      submit();
    }
  };

  return (
    <form
      className="composer"
      aria-label="Ask a question"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <label htmlFor={questionId} className="visually-hidden">
        Your question
      </label>
      <textarea
        id={questionId}
        className="composer__input"
        placeholder="Ask a question about your data…"
        rows={Math.min(8, Math.max(2, question.split('\n').length))}
        maxLength={MAX_QUESTION}
        value={question}
        onChange={(e) => setQuestion(e.target.value)}
        onKeyDown={onKeyDown}
        aria-describedby={`${questionId}-hint`}
      />
      <div className="composer__bar">
        <ConnectionPicker
          connections={connections}
          error={connectionsError}
          value={connectionId}
          onChange={onConnectionChange}
          disabled={busy}
        />
        <span className="composer__hint muted" id={`${questionId}-hint`}>
          Enter to ask, Shift+Enter for a new line
        </span>
        {busy ? (
          <button type="button" className="btn btn--ghost" onClick={onStop} disabled={stopping}>
            <StopIcon />
            {stopping ? 'Stopping…' : 'Stop'}
          </button>
        ) : (
          <button type="submit" className="btn btn--primary" disabled={!canAsk}>
            <SendIcon />
            Ask
          </button>
        )}
      </div>
    </form>
  );
}
