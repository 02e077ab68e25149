import { useState } from 'react';
import { toFormErrors, type FormErrors } from '@/lib/form-errors';

export interface Form<F extends string> {
  values: Record<F, string>;
  setValues: (values: Record<F, string>) => void;
  errors: FormErrors;
  submitting: boolean;
  /** A change handler for one field's input. */
  update: (field: F) => (e: { target: { value: string } }) => void;
  /**
   * Shows `missing` (a message per empty required field) when there is any; otherwise runs `action`, and shows
   * what the server refused as field and form messages.
   */
  submit: (missing: Partial<Record<F, string>>, action: () => Promise<unknown>) => Promise<void>;
}

/** The state of a form of text fields: values, client and server errors, and whether it is submitting. */
export function useForm<F extends string>(
  fields: readonly F[],
  initial: Record<F, string>,
): Form<F> {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FormErrors>({ fields: {} });
  const [submitting, setSubmitting] = useState(false);

  const update = (field: F) => (e: { target: { value: string } }) => {
    const value = e.target.value;
    setValues((v) => ({ ...v, [field]: value }));
  };

  const submit = async (missing: Partial<Record<F, string>>, action: () => Promise<unknown>) => {
    const required = Object.fromEntries(
      Object.entries(missing).filter((entry): entry is [string, string] => Boolean(entry[1])),
    );
    if (Object.keys(required).length > 0) {
      setErrors({ fields: required });
      return;
    }
    setErrors({ fields: {} });
    setSubmitting(true);
    try {
      await action();
    } catch (error) {
      setErrors(toFormErrors(error, fields));
    } finally {
      setSubmitting(false);
    }
  };

  return { values, setValues, errors, submitting, update, submit };
}
