import { useId, useState } from 'react';
import { ThumbDownIcon, ThumbUpIcon } from '@/components/icons';
import { errorMessage, type Id } from '@/lib/api';
import { chatApi, type Rating } from '../api';

type State =
  | { step: 'idle' }
  | { step: 'commenting' }
  | { step: 'sending'; rating: Rating }
  | { step: 'sent'; rating: Rating }
  | { step: 'failed'; rating: Rating; message: string };

/**
 * Thumbs up or down for an answer. Up is sent at once (the server keeps the question, a follow-up with
 * the questions before it, and its SQL as a verified example); down first asks, optionally, what was
 * wrong.
 */
export function Feedback({ messageId }: { messageId: Id }) {
  const [state, setState] = useState<State>({ step: 'idle' });
  const [comment, setComment] = useState('');
  const commentId = useId();

  const send = async (rating: Rating, text: string) => {
    setState({ step: 'sending', rating });
    try {
      await chatApi.feedback(messageId, rating, text.trim());
      setState({ step: 'sent', rating });
    } catch (error) {
      setState({ step: 'failed', rating, message: errorMessage(error) });
    }
  };

  if (state.step === 'sent') {
    return (
      <p className="feedback muted" role="status">
        {state.rating === 'up'
          ? 'Thanks! This answer will help with similar questions.'
          : 'Thanks for the feedback.'}
      </p>
    );
  }

  const busy = state.step === 'sending';
  const pressed = (r: Rating) =>
    (state.step === 'sending' || state.step === 'failed') && state.rating === r
      ? true
      : state.step === 'commenting' && r === 'down';

  return (
    <div className="feedback">
      <span className="muted">Was this helpful?</span>
      <button
        type="button"
        className="icon-button"
        aria-label="Good answer"
        aria-pressed={pressed('up')}
        disabled={busy}
        onClick={() => void send('up', '')}
      >
        <ThumbUpIcon />
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label="Bad answer"
        aria-pressed={pressed('down')}
        disabled={busy}
        onClick={() => setState({ step: 'commenting' })}
      >
        <ThumbDownIcon />
      </button>
      {state.step === 'commenting' && (
        <form
          className="feedback__form"
          onSubmit={(e) => {
            e.preventDefault();
            void send('down', comment);
          }}
        >
          <label htmlFor={commentId} className="visually-hidden">
            What was wrong? (optional)
          </label>
          <input
            id={commentId}
            className="input input--sm"
            placeholder="What was wrong? (optional)"
            maxLength={2000}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
          />
          <button type="submit" className="btn btn--primary btn--sm">
            Send
          </button>
          <button
            type="button"
            className="btn btn--ghost btn--sm"
            onClick={() => setState({ step: 'idle' })}
          >
            Cancel
          </button>
        </form>
      )}
      {state.step === 'failed' && (
        <span className="field__error" role="alert">
          {state.message}
        </span>
      )}
    </div>
  );
}
