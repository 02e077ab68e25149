import type { SubmitEvent } from 'react';
import { Alert } from '@/components/Alert';
import { SelectField, TextField } from '@/components/form/Field';
import { useForm } from '@/lib/use-form';
import { membersApi, type Member } from './api';

const FIELDS = ['fullName', 'email', 'role', 'password'] as const;
const EMPTY: Record<(typeof FIELDS)[number], string> = {
  fullName: '',
  email: '',
  role: 'viewer',
  password: '',
};

interface AddMemberFormProps {
  roleOptions: readonly { value: string; label: string }[];
  onAdded: (member: Member) => void;
  onCancel: () => void;
}

export function AddMemberForm({ roleOptions, onAdded, onCancel }: AddMemberFormProps) {
  const { values, setValues, errors, submitting, update, submit } = useForm(FIELDS, EMPTY);

  const onSubmit = (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    const input = {
      fullName: values.fullName.trim(),
      email: values.email.trim(),
      role: values.role,
      password: values.password,
    };
    return submit(
      {
        fullName: input.fullName ? undefined : 'Enter the member’s full name.',
        email: input.email ? undefined : 'Enter the member’s email address.',
        password: input.password ? undefined : 'Set a password for the member.',
      },
      async () => {
        const member = await membersApi.add(input);
        setValues(EMPTY);
        onAdded(member);
      },
    );
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
