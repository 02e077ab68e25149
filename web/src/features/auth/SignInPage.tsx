import type { SubmitEvent } from 'react';
import { Link } from 'react-router';
import { Alert } from '@/components/Alert';
import { TextField } from '@/components/form/Field';
import { AuthLayout } from './AuthLayout';
import { useForm } from '@/lib/use-form';
import { useAuth } from './use-auth';

const FIELDS = ['email', 'password'] as const;

export function SignInPage() {
  const { signIn } = useAuth();
  const { values, errors, submitting, update, submit } = useForm(FIELDS, {
    email: '',
    password: '',
  });

  const onSubmit = (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    return submit(
      {
        email: values.email.trim() ? undefined : 'Enter your email address.',
        password: values.password ? undefined : 'Enter your password.',
      },
      // On success the guard around this page moves on to the app.
      () => signIn({ email: values.email.trim(), password: values.password }),
    );
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
