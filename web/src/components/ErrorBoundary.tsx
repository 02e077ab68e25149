import { Component, type ErrorInfo, type ReactNode } from 'react';

export interface ErrorFallbackProps {
  error: unknown;
  reset: () => void;
}

interface Props {
  children: ReactNode;
  /** Rendered instead of the children after an error. */
  fallback?: (props: ErrorFallbackProps) => ReactNode;
  /** Where the boundary sits, for the log. */
  name?: string;
}

interface State {
  error: unknown;
  hasError: boolean;
}

/** Catches render errors below it and shows a fallback with a way to try again. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: undefined, hasError: false };

  static getDerivedStateFromError(error: unknown): State {
    return { error, hasError: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error(`Error in ${this.props.name ?? 'view'}:`, error, info.componentStack);
  }

  reset = (): void => {
    this.setState({ error: undefined, hasError: false });
  };

  override render(): ReactNode {
    if (this.state.hasError) {
      const fallback = this.props.fallback ?? defaultFallback;
      return fallback({ error: this.state.error, reset: this.reset });
    }
    return this.props.children;
  }
}

function describe(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return 'An unexpected error occurred.';
}

export function ErrorFallback({ error, reset }: ErrorFallbackProps) {
  return (
    <div className="error-panel" role="alert">
      <h2>Something went wrong</h2>
      <p className="muted">{describe(error)}</p>
      <div className="error-panel__actions">
        <button type="button" className="btn btn--primary" onClick={reset}>
          Try again
        </button>
      </div>
    </div>
  );
}

function defaultFallback(props: ErrorFallbackProps) {
  return <ErrorFallback {...props} />;
}

/** The last line of defense around the whole app: offers a full reload. */
export function RootErrorFallback({ error }: ErrorFallbackProps) {
  return (
    <div className="fullscreen-center">
      <div className="error-panel" role="alert">
        <h2>DataMind ran into a problem</h2>
        <p className="muted">{describe(error)}</p>
        <div className="error-panel__actions">
          <button
            type="button"
            className="btn btn--primary"
            onClick={() => {
              window.location.assign('/');
            }}
          >
            Reload DataMind
          </button>
        </div>
      </div>
    </div>
  );
}
