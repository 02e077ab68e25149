import { useState, type SubmitEvent } from 'react';
import { Alert } from '@/components/Alert';
import { SelectField, TextField } from '@/components/form/Field';
import { toFormErrors, type FormErrors } from '@/features/auth/form-errors';
import { membersApi, type Member } from './api';

const FIELDS = ['fullName', 'email', 'role', 'password'] as const;
type Values = Record<(typeof FIELDS)[number], string>;
const EMPTY: Values = { fullName: '', email: '', role: 'viewer', password: '' };

interface AddMemberFormProps {
  roleOptions: readonly { value: string; label: string }[];
  onAdded: (member: Member) => void;
  onCancel: () => void;
}

export function AddMemberForm({ roleOptions, onAdded, onCancel }: AddMemberFormProps) {
  const [values, setValues] = useState<Values>(EMPTY);
  const [errors, setErrors] = useState<FormErrors>({ fields: {} });
  const [submitting, setSubmitting] = useState(false);

  const update = (field: keyof Values) => (e: { target: { value: string } }) => {
    setValues((v) => ({ ...v, [field]: e.target.value }));
  };

  const onSubmit = async (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    const input = {
      fullName: values.fullName.trim(),
      email: values.email.trim(),
      role: values.role,
      password: values.password,
    };
    const fields: Record<string, string> = {};
    if (!input.fullName) fields.fullName = 'Enter the member’s full name.';
    if (!input.email) fields.email = 'Enter the member’s email address.';
    if (!input.password) fields.password = 'Set a password for the member.';
    if (Object.keys(fields).length > 0) {
      setErrors({ fields });
      return;
    }
    setErrors({ fields: {} });
    setSubmitting(true);
    try {
      const member = await membersApi.add(input);
      setValues(EMPTY);
      onAdded(member);
    } catch (error) {
      setErrors(toFormErrors(error, FIELDS));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <form
      className="card form"
      onSubmit={(e) => void onSubmit(e)}
      noValidate
      aria-label="Add member"
    >
      <div className="card__header">
        <h2 className="card__title">Add a member</h2>
        <p className="muted">They can sign in with this email and password right away.</p>
      </div>
      {errors.form && <Alert>{errors.form}</Alert>}
      <div className="form__grid">
        <TextField
          label="Full name"
          name="fullName"
          value={values.fullName}
          onChange={update('fullName')}
          error={errors.fields.fullName}
          autoComplete="off"
          autoFocus
        />
        <TextField
          label="Email"
          name="email"
          type="email"
          value={values.email}
          onChange={update('email')}
          error={errors.fields.email}
          autoComplete="off"
        />
        <SelectField
          label="Role"
          name="role"
          value={values.role}
          onChange={update('role')}
          error={errors.fields.role}
          options={roleOptions}
        />
        <TextField
          label="Initial password"
          name="password"
          type="password"
          value={values.password}
          onChange={update('password')}
          error={errors.fields.password}
          autoComplete="new-password"
          hint="Share it with them securely."
        />
      </div>
      <div className="form__actions">
        <button type="button" className="btn btn--ghost" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="btn btn--primary" disabled={submitting}>
          {submitting ? 'Adding…' : 'Add member'}
        </button>
      </div>
    </form>
  );
}
