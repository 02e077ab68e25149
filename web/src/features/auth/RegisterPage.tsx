import { useState, type SubmitEvent } from 'react';
import { Link } from 'react-router';
import { Alert } from '@/components/Alert';
import { TextField } from '@/components/form/Field';
import { slugify } from '@/lib/format';
import { AuthLayout } from './AuthLayout';
import { toFormErrors, type FormErrors } from './form-errors';
import { useAuth } from './use-auth';

const FIELDS = ['fullName', 'email', 'password', 'orgName', 'orgSlug'] as const;
type Field = (typeof FIELDS)[number];
type Values = Record<Field, string>;

const EMPTY: Values = { fullName: '', email: '', password: '', orgName: '', orgSlug: '' };

export function RegisterPage() {
  const { register } = useAuth();
  const [values, setValues] = useState<Values>(EMPTY);
  // Until the user edits the slug, it follows the organization name.
  const [slugEdited, setSlugEdited] = useState(false);
  const [errors, setErrors] = useState<FormErrors>({ fields: {} });
  const [submitting, setSubmitting] = useState(false);

  const orgSlug = slugEdited ? values.orgSlug : slugify(values.orgName);

  const update = (field: Field) => (e: { target: { value: string } }) => {
    const value = e.target.value;
    if (field === 'orgSlug') setSlugEdited(true);
    setValues((v) => ({ ...v, [field]: value }));
  };

  const onSubmit = async (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    const input = {
      fullName: values.fullName.trim(),
      email: values.email.trim(),
      password: values.password,
      orgName: values.orgName.trim(),
      orgSlug: orgSlug.trim(),
    };
    const fields: Record<string, string> = {};
    if (!input.fullName) fields.fullName = 'Enter your full name.';
    if (!input.email) fields.email = 'Enter your email address.';
    if (!input.password) fields.password = 'Choose a password.';
    if (!input.orgName) fields.orgName = 'Enter your organization’s name.';
    if (!input.orgSlug) fields.orgSlug = 'Choose a URL name for your organization.';
    if (Object.keys(fields).length > 0) {
      setErrors({ fields });
      return;
    }
    setErrors({ fields: {} });
    setSubmitting(true);
    try {
      await register(input);
    } catch (error) {
      setErrors(toFormErrors(error, FIELDS));
      setSubmitting(false);
    }
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
