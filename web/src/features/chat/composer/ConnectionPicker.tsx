import { useId } from 'react';
import { Skeleton } from '@/components/Skeleton';
import { errorMessage, type Id } from '@/lib/api';
import type { ConnectionSummary } from '../api';

interface ConnectionPickerProps {
  connections: ConnectionSummary[] | undefined;
  error: unknown;
  value: Id | undefined;
  onChange: (id: Id) => void;
  disabled: boolean;
}

/** The connection a question goes to. */
export function ConnectionPicker({
  connections,
  error,
  value,
  onChange,
  disabled,
}: ConnectionPickerProps) {
  const id = useId();
  if (error && !connections) {
    return (
      <span className="field__error" role="alert">
        Connections could not be loaded: {errorMessage(error)}
      </span>
    );
  }
  if (!connections) return <Skeleton width="10rem" height="1.9rem" />;
  if (connections.length === 0) {
    return <span className="muted">No connections yet. An admin can add one.</span>;
  }
  return (
    <span className="connection-picker">
      <label htmlFor={id} className="muted">
        Connection
      </label>
      <select
        id={id}
        className="input input--sm"
        value={value === undefined ? '' : String(value)}
        disabled={disabled}
        onChange={(e) => {
          const picked = connections.find((c) => String(c.id) === e.target.value);
          if (picked) onChange(picked.id);
        }}
      >
        {connections.map((c) => (
          <option key={String(c.id)} value={String(c.id)}>
            {c.name}
          </option>
        ))}
      </select>
    </span>
  );
}
