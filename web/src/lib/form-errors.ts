import { ApiError, errorMessage } from '@/lib/api';

export interface FormErrors {
  /** The message for the whole form, when there is one. */
  form?: string | undefined;
  /** Messages per field name. */
  fields: Record<string, string>;
}

/**
 * Splits a thrown error into a form message and per-field messages. Errors for fields the form
 * does not show are folded into the form message so none is lost.
 */
export function toFormErrors(error: unknown, knownFields: readonly string[]): FormErrors {
  if (!(error instanceof ApiError)) return { form: errorMessage(error), fields: {} };
  const fields: Record<string, string> = {};
  const other: string[] = [];
  for (const { field, message } of error.fieldErrors) {
    if (knownFields.includes(field)) {
      fields[field] ??= message;
    } else {
      other.push(field ? `${field}: ${message}` : message);
    }
  }
  const hasFieldErrors = Object.keys(fields).length > 0;
  let form: string | undefined = other.length > 0 ? other.join(' ') : undefined;
  if (!hasFieldErrors && !form) form = error.message;
  else if (!hasFieldErrors && form) form = `${error.message} ${form}`;
  else if (hasFieldErrors && error.status !== 400 && error.status !== 409) form ??= error.message;
  return { form, fields };
}
