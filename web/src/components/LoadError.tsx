import { Alert } from '@/components/Alert';
import { errorMessage } from '@/lib/api';

interface LoadErrorProps {
  title: string;
  error: unknown;
  onRetry: () => void;
  /** The wrapper's class: a card of its own, or the body of the card the data would fill. */
  className?: string;
}

/** Why something could not be loaded, with a way to ask again. */
export function LoadError({ title, error, onRetry, className = 'card' }: LoadErrorProps) {
  return (
    <div className={className}>
      <Alert title={title}>{errorMessage(error)}</Alert>
      <button type="button" className="btn btn--ghost" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}
