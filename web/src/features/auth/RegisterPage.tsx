import { useState, type SubmitEvent } from 'react';
import { Link } from 'react-router';
import { Alert } from '@/components/Alert';
import { TextField } from '@/components/form/Field';
import { slugify } from '@/lib/format';
import { AuthLayout } from './AuthLayout';
import { useForm } from '@/lib/use-form';
import { useAuth } from './use-auth';

const FIELDS = ['fullName', 'email', 'password', 'orgName', 'orgSlug'] as const;
type Field = (typeof FIELDS)[number];

const EMPTY: Record<Field, string> = {
  fullName: '',
  email: '',
  password: '',
  orgName: '',
  orgSlug: '',
};

export function RegisterPage() {
  const { register } = useAuth();
  const form = useForm(FIELDS, EMPTY);
  const { values, errors, submitting } = form;
  // Until the user edits the slug, it follows the organization name.
  const [slugEdited, setSlugEdited] = useState(false);

  const orgSlug = slugEdited ? values.orgSlug : slugify(values.orgName);

  const update = (field: Field) => (e: { target: { value: string } }) => {
    if (field === 'orgSlug') setSlugEdited(true);
    form.update(field)(e);
  };

  const onSubmit = (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    const input = {
      fullName: values.fullName.trim(),
      email: values.email.trim(),
      password: values.password,
      orgName: values.orgName.trim(),
      orgSlug: orgSlug.trim(),
    };
    return form.submit(
      {
        fullName: input.fullName ? undefined : 'Enter your full name.',
        email: input.email ? undefined : 'Enter your email address.',
        password: input.password ? undefined : 'Choose a password.',
        orgName: input.orgName ? undefined : 'Enter your organization’s name.',
        orgSlug: input.orgSlug ? undefined : 'Choose a URL name for your organization.',
      },
      () => register(input),
    );
  };

  return (
    <AuthLayout
      title="Create your organization"
      subtitle="Set up DataMind for your team. You will be its owner."
      footer={
        <>
          Already have an account? <Link to="/sign-in">Sign in</Link>
        </>
      }
    >
      <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate aria-label="Register">
        {errors.form && <Alert>{errors.form}</Alert>}
        <TextField
          label="Full name"
          name="fullName"
          autoComplete="name"
          value={values.fullName}
          onChange={update('fullName')}
          error={errors.fields.fullName}
          autoFocus
        />
        <TextField
          label="Work email"
          name="email"
          type="email"
          autoComplete="email"
          value={values.email}
          onChange={update('email')}
          error={errors.fields.email}
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          value={values.password}
          onChange={update('password')}
          error={errors.fields.password}
        />
        <div className="form__row">
          <TextField
            label="Organization name"
            name="orgName"
            autoComplete="organization"
            value={values.orgName}
            onChange={update('orgName')}
            error={errors.fields.orgName}
          />
          <TextField
            label="Organization URL name"
            name="orgSlug"
            value={orgSlug}
            onChange={update('orgSlug')}
            error={errors.fields.orgSlug}
            hint="Lowercase letters, digits and dashes."
            spellCheck={false}
            autoCapitalize="none"
          />
        </div>
        <button type="submit" className="btn btn--primary btn--block" disabled={submitting}>
          {submitting ? 'Creating…' : 'Create organization'}
        </button>
      </form>
    </AuthLayout>
  );
}
