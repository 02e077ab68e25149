import { useState, type SubmitEvent } from 'react';
import { Alert } from '@/components/Alert';
import { SelectField, TextAreaField, TextField } from '@/components/form/Field';
import { toFormErrors, type FormErrors } from '@/lib/form-errors';
import { connectionsApi, type Connection, type ConnectionProbe } from './api';
import {
  emptyValues,
  FIELDS,
  parseProperties,
  toDetails,
  valuesOf,
  type FormValues,
} from './form-values';
import { ProbeResult } from './ProbeResult';
import { CONNECTION_TYPES, defaultPortFor, SSL_LABELS, typeInfo } from './types';

interface ConnectionFormProps {
  /** The connection being edited; absent when adding one. */
  connection?: Connection | undefined;
  onSaved: (connection: Connection) => void;
  onCancel: () => void;
}

const TYPE_OPTIONS = CONNECTION_TYPES.map((t) => ({ value: t.id, label: t.label }));

/** Add or edit a connection: the fields of the chosen type, a Test button, and the server's field errors. */
export function ConnectionForm({ connection, onSaved, onCancel }: ConnectionFormProps) {
  const editing = connection !== undefined;
  const [values, setValues] = useState<FormValues>(() =>
    connection ? valuesOf(connection) : emptyValues(),
  );
  const [errors, setErrors] = useState<FormErrors>({ fields: {} });
  const [busy, setBusy] = useState<'save' | 'test' | null>(null);
  const [probe, setProbe] = useState<ConnectionProbe | null>(null);
  const info = typeInfo(values.type);

  const update = (field: keyof FormValues) => (e: { target: { value: string } }) => {
    const value = e.target.value;
    setValues((v) => {
      if (field !== 'type') return { ...v, [field]: value };
      // A new type brings its own TLS default; what was typed elsewhere stays.
      return { ...v, type: value, sslMode: typeInfo(value).defaultSslMode ?? '' };
    });
    setProbe(null);
  };

  /** Checks what can be checked here; the server checks everything again. */
  const build = (forTest: boolean) => {
    const fields: Record<string, string> = {};
    if (!forTest && !values.name.trim()) fields.name = 'Give the connection a name.';
    if (info.fileBased) {
      if (!values.filePath.trim())
        fields.filePath = 'Enter the file’s path inside the file folder.';
    } else {
      if (!values.host.trim()) fields.host = 'Enter the database server’s host name or address.';
      if (!values.username.trim()) fields.username = 'Enter the database user.';
      const port = values.port.trim();
      if (port !== '' && !/^\d{1,5}$/.test(port)) fields.port = 'Enter a port number.';
    }
    const properties = info.fileBased ? {} : parseProperties(values.properties);
    if (typeof properties === 'string') fields.properties = properties;
    if (Object.keys(fields).length > 0 || typeof properties === 'string') {
      setErrors({ fields });
      return null;
    }
    setErrors({ fields: {} });
    return toDetails(values, properties);
  };

  const onTest = async () => {
    const details = build(true);
    if (!details) return;
    setBusy('test');
    setProbe(null);
    try {
      // An edit is tested as typed; the server fills in the stored password when none is typed.
      const result = editing
        ? await connectionsApi.testEdited(connection.id, details)
        : await connectionsApi.testUnsaved(details);
      setProbe(result);
    } catch (error) {
      setErrors(toFormErrors(error, FIELDS));
    } finally {
      setBusy(null);
    }
  };

  const onSubmit = async (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    const details = build(false);
    if (!details) return;
    setBusy('save');
    try {
      const saved = editing
        ? await connectionsApi.update(connection.id, details)
        : await connectionsApi.create(details);
      onSaved(saved);
    } catch (error) {
      setErrors(toFormErrors(error, FIELDS));
    } finally {
      setBusy(null);
    }
  };

  const port = defaultPortFor(info, values.sslMode);
  return (
    <form
      className="card form"
      onSubmit={(e) => void onSubmit(e)}
      noValidate
      aria-label={editing ? 'Edit connection' : 'Add connection'}
    >
      {errors.form && <Alert>{errors.form}</Alert>}
      <div className="form__grid">
        <TextField
          label="Name"
          name="name"
          value={values.name}
          onChange={update('name')}
          error={errors.fields.name}
          autoComplete="off"
          autoFocus={!editing}
        />
        <SelectField
          label="Database type"
          name="type"
          value={values.type}
          onChange={update('type')}
          error={errors.fields.type}
          options={TYPE_OPTIONS}
        />
        {info.fileBased ? (
          <TextField
            label="File path"
            name="filePath"
            value={values.filePath}
            onChange={update('filePath')}
            error={errors.fields.filePath}
            autoComplete="off"
            placeholder={info.id === 'sqlite' ? 'sales/shop.sqlite' : 'warehouse.duckdb'}
            hint="Relative to the server’s file folder (datamind.sources.file-root). Opened read-only."
          />
        ) : (
          <>
            <TextField
              label="Host"
              name="host"
              value={values.host}
              onChange={update('host')}
              error={errors.fields.host}
              autoComplete="off"
              placeholder="db.example.com"
            />
            <TextField
              label="Port"
              name="port"
              inputMode="numeric"
              value={values.port}
              onChange={update('port')}
              error={errors.fields.port}
              autoComplete="off"
              placeholder={port === undefined ? '' : String(port)}
              hint={port === undefined ? undefined : `Leave blank for ${port}.`}
            />
            <TextField
              label={info.databaseLabel}
              name="database"
              value={values.database}
              onChange={update('database')}
              error={errors.fields.database}
              autoComplete="off"
              hint={info.databaseHint}
            />
            <TextField
              label="User"
              name="username"
              value={values.username}
              onChange={update('username')}
              error={errors.fields.username}
              autoComplete="off"
              hint="A user with read access only is best."
            />
            <TextField
              label="Password"
              name="password"
              type="password"
              value={values.password}
              onChange={update('password')}
              error={errors.fields.password}
              autoComplete="new-password"
              hint={
                editing && connection.passwordSet
                  ? 'A password is saved. Leave blank to keep it.'
                  : 'Stored encrypted; never shown again.'
              }
            />
            <SelectField
              label="TLS"
              name="sslMode"
              value={values.sslMode}
              onChange={update('sslMode')}
              error={errors.fields.sslMode}
              options={info.sslModes.map((m) => ({ value: m, label: SSL_LABELS[m] ?? m }))}
            />
            <TextAreaField
              label="Driver properties"
              name="properties"
              wrapperClassName="form__wide"
              className="connection-form__properties"
              rows={3}
              value={values.properties}
              onChange={update('properties')}
              error={errors.fields.properties}
              hint={`One name=value per line. Allowed for ${info.label}: ${info.properties.join(', ')}.`}
              placeholder={info.properties[0] ? `${info.properties[0]}=10` : ''}
            />
          </>
        )}
      </div>
      {probe && <ProbeResult probe={probe} />}
      <div className="form__actions">
        <button type="button" className="btn btn--ghost" onClick={onCancel}>
          Cancel
        </button>
        <button
          type="button"
          className="btn btn--ghost"
          disabled={busy !== null}
          onClick={() => void onTest()}
        >
          {busy === 'test' ? 'Testing…' : 'Test connection'}
        </button>
        <button type="submit" className="btn btn--primary" disabled={busy !== null}>
          {busy === 'save' ? 'Saving…' : editing ? 'Save changes' : 'Add connection'}
        </button>
      </div>
    </form>
  );
}
