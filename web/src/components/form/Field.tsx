import {
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';

interface FieldShellProps {
  id: string;
  label: string;
  error: string | undefined;
  hint: ReactNode;
  /** Extra classes of the wrapper, e.g. `form__wide`. */
  wrapperClassName?: string | undefined;
  children: ReactNode;
}

function FieldShell({ id, label, error, hint, wrapperClassName, children }: FieldShellProps) {
  const classes = error ? 'field field--invalid' : 'field';
  return (
    <div className={wrapperClassName ? `${classes} ${wrapperClassName}` : classes}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {children}
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}

function describedBy(id: string, error: string | undefined, hint: ReactNode): string | undefined {
  if (error) return `${id}-error`;
  if (hint) return `${id}-hint`;
  return undefined;
}

export interface TextFieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  name: string;
  error?: string | undefined;
  hint?: ReactNode;
}

/** A labelled input with its error (from the server's `errors`) or hint beneath it. */
export function TextField({ label, error, hint, id, className, ...input }: TextFieldProps) {
  const generated = useId();
  const fieldId = id ?? `${generated}-${input.name}`;
  return (
    <FieldShell id={fieldId} label={label} error={error} hint={hint}>
      <input
        id={fieldId}
        className={className ? `input ${className}` : 'input'}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(fieldId, error, hint)}
        {...input}
      />
    </FieldShell>
  );
}

export interface SelectFieldProps extends SelectHTMLAttributes<HTMLSelectElement> {
  label: string;
  name: string;
  error?: string | undefined;
  hint?: ReactNode;
  options: readonly { value: string; label: string }[];
}

export function SelectField({ label, error, hint, id, options, ...select }: SelectFieldProps) {
  const generated = useId();
  const fieldId = id ?? `${generated}-${select.name}`;
  return (
    <FieldShell id={fieldId} label={label} error={error} hint={hint}>
      <select
        id={fieldId}
        className="input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(fieldId, error, hint)}
        {...select}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export interface TextAreaFieldProps extends TextareaHTMLAttributes<HTMLTextAreaElement> {
  label: string;
  name: string;
  error?: string | undefined;
  hint?: ReactNode;
  wrapperClassName?: string;
}

export function TextAreaField({
  label,
  error,
  hint,
  id,
  className,
  wrapperClassName,
  ...textarea
}: TextAreaFieldProps) {
  const generated = useId();
  const fieldId = id ?? `${generated}-${textarea.name}`;
  return (
    <FieldShell
      id={fieldId}
      label={label}
      error={error}
      hint={hint}
      wrapperClassName={wrapperClassName}
    >
      <textarea
        id={fieldId}
        className={className ? `input ${className}` : 'input'}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(fieldId, error, hint)}
        {...textarea}
      />
    </FieldShell>
  );
}
