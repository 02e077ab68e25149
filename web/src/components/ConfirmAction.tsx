import type { ReactNode } from 'react';

interface ConfirmActionProps {
  /** The verb on both buttons, e.g. "Delete". */
  label: string;
  /** Shown on the confirming button while the action runs, e.g. "Deleting…". */
  busyLabel: string;
  /** What the first button says to screen readers, e.g. "Delete Warehouse". */
  ariaLabel: string;
  /** The question asked once it was clicked. */
  question: ReactNode;
  confirming: boolean;
  busy: boolean;
  onAsk: () => void;
  onConfirm: () => void;
  onCancel: () => void;
}

/** A small destructive button that asks again in place before it acts. */
export function ConfirmAction({
  label,
  busyLabel,
  ariaLabel,
  question,
  confirming,
  busy,
  onAsk,
  onConfirm,
  onCancel,
}: ConfirmActionProps) {
  if (!confirming) {
    return (
      <button
        type="button"
        className="btn btn--ghost btn--sm"
        aria-label={ariaLabel}
        onClick={onAsk}
      >
        {label}
      </button>
    );
  }
  return (
    <span className="confirm">
      <span className="confirm__text">{question}</span>
      <button type="button" className="btn btn--danger btn--sm" disabled={busy} onClick={onConfirm}>
        {busy ? busyLabel : label}
      </button>
      <button type="button" className="btn btn--ghost btn--sm" onClick={onCancel}>
        Cancel
      </button>
    </span>
  );
}
