import { useState, type SubmitEvent } from 'react';
import { Alert } from '@/components/Alert';
import { TextField } from '@/components/form/Field';
import { toFormErrors, type FormErrors } from '@/lib/form-errors';
import { budgetApi, type BudgetStatus } from '@/features/budget/api';
import { BudgetMeter } from '@/features/budget/BudgetBar';

/** The monthly token budget: this month's use, and the budget itself for admins to change. */
export function BudgetForm({ initial }: { initial: BudgetStatus }) {
  const [status, setStatus] = useState(initial);
  const [value, setValue] = useState(String(initial.budget));
  const [errors, setErrors] = useState<FormErrors>({ fields: {} });
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);

  const submit = async (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    setSaved(false);
    const amount = Number(value.trim());
    if (value.trim() === '' || !Number.isInteger(amount) || amount < 0) {
      setErrors({ fields: { monthlyTokenBudget: 'Enter a whole number of tokens, 0 or more.' } });
      return;
    }
    setSaving(true);
    setErrors({ fields: {} });
    try {
      setStatus(await budgetApi.set(amount));
      setSaved(true);
    } catch (error) {
      setErrors(toFormErrors(error, ['monthlyTokenBudget']));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      className="form card"
      aria-label="Token budget"
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      <div className="card__header">
        <h2 className="card__title">Monthly token budget</h2>
        <p className="muted">
          Input and output tokens per calendar month (UTC). The offline engine uses none.
        </p>
      </div>
      <BudgetMeter status={status} />
      {errors.form && <Alert title="Could not save">{errors.form}</Alert>}
      {saved && <Alert tone="success">Budget saved.</Alert>}
      <TextField
        label="Tokens per month"
        name="monthlyTokenBudget"
        inputMode="numeric"
        value={value}
        error={errors.fields.monthlyTokenBudget}
        hint="0 stops every provider call."
        onChange={(e) => setValue(e.target.value)}
      />
      <div className="form__actions">
        <button type="submit" className="btn btn--primary" disabled={saving}>
          {saving ? 'Saving…' : 'Save budget'}
        </button>
      </div>
    </form>
  );
}
