import { useState, type SubmitEvent } from 'react';
import { Link } from 'react-router';
import { Alert } from '@/components/Alert';
import { TextField } from '@/components/form/Field';
import { AuthLayout } from './AuthLayout';
import { toFormErrors, type FormErrors } from './form-errors';
import { useAuth } from './use-auth';

const FIELDS = ['email', 'password'] as const;
type Values = Record<(typeof FIELDS)[number], string>;

export function SignInPage() {
  const { signIn } = useAuth();
  const [values, setValues] = useState<Values>({ email: '', password: '' });
  const [errors, setErrors] = useState<FormErrors>({ fields: {} });
  const [submitting, setSubmitting] = useState(false);

  const update = (field: keyof Values) => (e: { target: { value: string } }) => {
    setValues((v) => ({ ...v, [field]: e.target.value }));
  };

  const onSubmit = async (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    const fields: Record<string, string> = {};
    if (!values.email.trim()) fields.email = 'Enter your email address.';
    if (!values.password) fields.password = 'Enter your password.';
    if (Object.keys(fields).length > 0) {
      setErrors({ fields });
      return;
    }
    setErrors({ fields: {} });
    setSubmitting(true);
    try {
      // On success the guard around this page moves on to the app.
      await signIn({ email: values.email.trim(), password: values.password });
    } catch (error) {
      setErrors(toFormErrors(error, FIELDS));
      setSubmitting(false);
    }
  };

  return (
    <AuthLayout
      title="Sign in"
      subtitle="Welcome back. Sign in to your organization."
      footer={
        <>
          New to DataMind? <Link to="/register">Create an organization</Link>
        </>
      }
    >
      <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate aria-label="Sign in">
        {errors.form && <Alert>{errors.form}</Alert>}
        <TextField
          label="Email"
          name="email"
          type="email"
          autoComplete="username"
          value={values.email}
          onChange={update('email')}
          error={errors.fields.email}
          autoFocus
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          value={values.password}
          onChange={update('password')}
          error={errors.fields.password}
        />
        <button type="submit" className="btn btn--primary btn--block" disabled={submitting}>
          {submitting ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </AuthLayout>
  );
}
