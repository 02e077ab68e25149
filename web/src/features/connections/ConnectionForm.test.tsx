import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, mockFetch, problem } from '@/testing/fetch';
import { ADA, authValue, renderRoutes } from '@/testing/render';
import type { Connection } from './api';
import { ConnectionForm } from './ConnectionForm';

afterEach(() => {
  vi.unstubAllGlobals();
});

const saved: Connection = {
  id: 'c1',
  name: 'Warehouse',
  type: 'postgresql',
  host: 'db.internal',
  port: 5432,
  database: 'sales',
  username: 'reader',
  passwordSet: true,
  sslMode: 'require',
  properties: { connectTimeout: '10' },
  filePath: null,
  managed: false,
  managedKind: null,
  createdAt: '2024-05-01T10:00:00Z',
  updatedAt: '2024-05-01T10:00:00Z',
};

function renderForm(connection?: Connection) {
  const onSaved = vi.fn();
  renderRoutes(
    [
      {
        path: '/',
        element: <ConnectionForm connection={connection} onSaved={onSaved} onCancel={vi.fn()} />,
      },
    ],
    { auth: authValue(ADA) },
  );
  const form = screen.getByRole('form', {
    name: connection ? 'Edit connection' : 'Add connection',
  });
  return { form, onSaved };
}

describe('ConnectionForm', () => {
  it('shows the fields of the chosen type', async () => {
    mockFetch(() => json({}));
    const { form } = renderForm();
    const user = userEvent.setup();
    const f = within(form);
    expect(f.getByLabelText('Host')).toBeInTheDocument();
    expect(f.getByLabelText('Port')).toHaveAttribute('placeholder', '5432');
    expect(f.getByLabelText('TLS')).toHaveValue('prefer');
    expect(f.queryByLabelText('File path')).toBeNull();

    await user.selectOptions(f.getByLabelText('Database type'), 'duckdb');
    expect(f.getByLabelText('File path')).toBeInTheDocument();
    for (const label of ['Host', 'Port', 'User', 'Password', 'TLS', 'Driver properties']) {
      expect(f.queryByLabelText(label)).toBeNull();
    }

    await user.selectOptions(f.getByLabelText('Database type'), 'trino');
    expect(f.getByLabelText('Catalog')).toBeInTheDocument();
    expect(f.getByLabelText('TLS')).toHaveValue('disable');
    expect(
      f.getByText(/Allowed for Trino: source, timezone, disableCompression/),
    ).toBeInTheDocument();
    await user.selectOptions(f.getByLabelText('TLS'), 'verify-full');
    expect(f.getByLabelText('Port')).toHaveAttribute('placeholder', '8443');

    await user.selectOptions(f.getByLabelText('Database type'), 'sqlserver');
    expect(f.getByLabelText('TLS')).toHaveValue('verify-full');
    expect(within(f.getByLabelText('TLS')).queryByRole('option', { name: /Preferred/ })).toBeNull();
  });

  it('shows the server’s field errors next to the fields', async () => {
    const { calls } = mockFetch(() =>
      problem(400, {
        title: 'Validation failed',
        detail: 'host: may not contain URL syntax',
        errors: [
          { field: 'host', message: 'may not contain URL syntax' },
          { field: 'properties', message: 'allowFileAccess is not allowed for postgresql' },
        ],
      }),
    );
    const { form, onSaved } = renderForm();
    const user = userEvent.setup();
    const f = within(form);
    await user.click(f.getByRole('button', { name: 'Add connection' }));
    // Checked here first: nothing is sent without the required fields.
    expect(f.getByText('Give the connection a name.')).toBeInTheDocument();
    expect(f.getByText('Enter the database user.')).toBeInTheDocument();
    expect(calls).toHaveLength(0);

    await user.type(f.getByLabelText('Name'), 'Shop');
    await user.type(f.getByLabelText('Host'), 'db/evil?x=1');
    await user.type(f.getByLabelText('User'), 'reader');
    await user.type(f.getByLabelText('Driver properties'), 'allowFileAccess=true');
    await user.click(f.getByRole('button', { name: 'Add connection' }));

    expect(await f.findByText('may not contain URL syntax')).toBeInTheDocument();
    expect(f.getByLabelText('Host')).toHaveAttribute('aria-invalid', 'true');
    expect(f.getByText('allowFileAccess is not allowed for postgresql')).toBeInTheDocument();
    expect(calls[0]).toMatchObject({
      url: '/api/v1/connections',
      method: 'POST',
      body: {
        name: 'Shop',
        type: 'postgresql',
        host: 'db/evil?x=1',
        port: null,
        database: null,
        username: 'reader',
        sslMode: 'prefer',
        properties: { allowFileAccess: 'true' },
      },
    });
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('tests unsaved details and warns prominently about a user that can write', async () => {
    const { calls } = mockFetch(({ url }) =>
      url === '/api/v1/connections/test'
        ? json({
            ok: true,
            latencyMs: 12,
            serverVersion: 'PostgreSQL 16.4',
            message: null,
            warnings: ['The user reader can write: it holds INSERT on public.orders'],
          })
        : json({}),
    );
    const { form } = renderForm();
    const user = userEvent.setup();
    const f = within(form);
    await user.type(f.getByLabelText('Host'), 'db.internal');
    await user.type(f.getByLabelText('User'), 'reader');
    await user.type(f.getByLabelText('Password'), 'pw');
    await user.click(f.getByRole('button', { name: 'Test connection' }));

    expect(await f.findByText('Connection works')).toBeInTheDocument();
    expect(f.getByText(/Connected in 12 ms · PostgreSQL 16.4/)).toBeInTheDocument();
    const warning = f.getByText('Use a read-only database user').closest('.alert');
    expect(warning).toHaveClass('alert--warning');
    expect(warning).toHaveAttribute('role', 'alert');
    expect(
      within(warning as HTMLElement).getByText(/holds INSERT on public.orders/),
    ).toBeInTheDocument();
    expect(calls[0]?.body).toMatchObject({ host: 'db.internal', password: 'pw' });
  });

  it('tests the edited details, not the saved ones, without resending the password', async () => {
    const { calls } = mockFetch(({ url }) =>
      url === '/api/v1/connections/c1/test'
        ? json({
            ok: false,
            latencyMs: 0,
            serverVersion: null,
            message: 'Database sales_eu does not exist',
            warnings: [],
          })
        : json({}),
    );
    const { form, onSaved } = renderForm(saved);
    const user = userEvent.setup();
    const f = within(form);
    await user.clear(f.getByLabelText('Host'));
    await user.type(f.getByLabelText('Host'), 'db-eu.internal');
    await user.clear(f.getByLabelText('Port'));
    await user.type(f.getByLabelText('Port'), '6543');
    await user.clear(f.getByLabelText('Database'));
    await user.type(f.getByLabelText('Database'), 'sales_eu');
    await user.clear(f.getByLabelText('Driver properties'));
    await user.type(f.getByLabelText('Driver properties'), 'connectTimeout=5');
    await user.click(f.getByRole('button', { name: 'Test connection' }));

    expect(await f.findByText('Database sales_eu does not exist')).toBeInTheDocument();
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      url: '/api/v1/connections/c1/test',
      method: 'POST',
      body: {
        name: 'Warehouse',
        type: 'postgresql',
        host: 'db-eu.internal',
        port: 6543,
        database: 'sales_eu',
        username: 'reader',
        sslMode: 'require',
        properties: { connectTimeout: '5' },
      },
    });
    // The stored password is used on the server; it never comes back, so it is never sent.
    expect(calls[0]?.body).not.toHaveProperty('password');
    expect(onSaved).not.toHaveBeenCalled();

    // A typed password goes with the edited details.
    await user.type(f.getByLabelText('Password'), 'new-pw');
    await user.click(f.getByRole('button', { name: 'Test connection' }));
    await vi.waitFor(() => expect(calls).toHaveLength(2));
    expect(calls[1]).toMatchObject({
      url: '/api/v1/connections/c1/test',
      body: { host: 'db-eu.internal', password: 'new-pw' },
    });
  });

  it('shows the field errors of an edited test', async () => {
    mockFetch(() =>
      problem(400, {
        title: 'Validation failed',
        detail: 'database: may not contain URL syntax',
        errors: [{ field: 'database', message: 'may not contain URL syntax' }],
      }),
    );
    const { form } = renderForm(saved);
    const user = userEvent.setup();
    const f = within(form);
    await user.clear(f.getByLabelText('Database'));
    await user.type(f.getByLabelText('Database'), 'sales?x=1');
    await user.click(f.getByRole('button', { name: 'Test connection' }));
    expect(await f.findByText('may not contain URL syntax')).toBeInTheDocument();
    expect(f.getByLabelText('Database')).toHaveAttribute('aria-invalid', 'true');
  });

  it('edits without resending the password', async () => {
    const { calls } = mockFetch(({ url, method, body }) => {
      if (url === '/api/v1/connections/c1/test') {
        return json({
          ok: false,
          latencyMs: 0,
          serverVersion: null,
          message: 'Connection refused',
          warnings: [],
        });
      }
      if (method === 'PUT') return json({ ...saved, ...(body as object) });
      return json({});
    });
    const { form, onSaved } = renderForm(saved);
    const user = userEvent.setup();
    const f = within(form);
    expect(f.getByLabelText('Driver properties')).toHaveValue('connectTimeout=10');
    expect(f.getByText('A password is saved. Leave blank to keep it.')).toBeInTheDocument();

    await user.click(f.getByRole('button', { name: 'Test connection' }));
    expect(await f.findByText('Connection refused')).toBeInTheDocument();

    await user.clear(f.getByLabelText('Name'));
    await user.type(f.getByLabelText('Name'), 'Warehouse EU');
    await user.click(f.getByRole('button', { name: 'Save changes' }));
    await vi.waitFor(() => expect(onSaved).toHaveBeenCalled());
    const put = calls.find((c) => c.method === 'PUT');
    expect(put?.url).toBe('/api/v1/connections/c1');
    expect(put?.body).toMatchObject({ name: 'Warehouse EU', properties: { connectTimeout: '10' } });
    expect(put?.body).not.toHaveProperty('password');
  });
});
