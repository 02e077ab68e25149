import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mockFetch, noContent } from '@/testing/fetch';
import { ADA, authValue, renderRoutes } from '@/testing/render';
import type { LoadReport } from './api';
import { UploadPage } from './UploadPage';

/** A stand-in for XMLHttpRequest: reports upload progress, then answers what the test set. */
class FakeXhr {
  static answer: { status: number; body: unknown; contentType: string } = {
    status: 201,
    body: {},
    contentType: 'application/json',
  };
  static sent: { url: string; headers: Record<string, string>; form: FormData }[] = [];
  static release: (() => void) | null = null;

  upload: {
    onprogress: ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null;
  } = {
    onprogress: null,
  };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  withCredentials = false;
  status = 0;
  responseText = '';
  private url = '';
  private headers: Record<string, string> = {};

  open(_method: string, url: string) {
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  getResponseHeader(name: string) {
    return name.toLowerCase() === 'content-type' ? FakeXhr.answer.contentType : null;
  }
  abort() {
    this.onabort?.();
  }
  send(form: FormData) {
    FakeXhr.sent.push({ url: this.url, headers: this.headers, form });
    this.upload.onprogress?.({ lengthComputable: true, loaded: 40, total: 100 });
    // Held at 40% until the test releases it, so the progress can be seen.
    FakeXhr.release = () => {
      this.upload.onprogress?.({ lengthComputable: true, loaded: 100, total: 100 });
      this.status = FakeXhr.answer.status;
      this.responseText = JSON.stringify(FakeXhr.answer.body);
      this.onload?.();
    };
  }
}

const report: LoadReport = {
  table: 'sales_2024',
  connectionId: 'up1',
  fileName: 'Sales 2024.csv',
  format: 'csv',
  rowsLoaded: 1234,
  rejected: 102,
  rejections: [
    { line: 5, reason: 'has 7 fields but the header has 6' },
    { line: 9, reason: 'has 3 fields but the header has 6' },
  ],
  columns: [
    { name: 'order_date', header: 'Order Date', type: 'date', sqlType: 'DATE' },
    { name: 'amount', header: 'Amount', type: 'decimal', sqlType: 'DECIMAL(10,2)' },
  ],
};

beforeEach(() => {
  FakeXhr.sent = [];
  FakeXhr.release = null;
  vi.stubGlobal('XMLHttpRequest', FakeXhr);
  document.cookie = 'XSRF-TOKEN=tok-1; path=/';
});

afterEach(() => {
  vi.unstubAllGlobals();
  document.cookie = 'XSRF-TOKEN=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
});

function renderUpload() {
  return renderRoutes([{ path: '/uploads', element: <UploadPage /> }], {
    path: '/uploads',
    auth: authValue(ADA),
  });
}

async function chooseAndUpload(table = '') {
  const user = userEvent.setup();
  const file = new File(['Order Date,Amount\n2024-01-01,1.50\n'], 'Sales 2024.csv', {
    type: 'text/csv',
  });
  await user.upload(screen.getByLabelText('File'), file);
  if (table) await user.type(screen.getByLabelText('Table name (optional)'), table);
  await user.click(screen.getByRole('button', { name: 'Upload' }));
  return file;
}

describe('UploadPage', () => {
  it('shows upload progress, then the load report', async () => {
    FakeXhr.answer = { status: 201, body: report, contentType: 'application/json' };
    renderUpload();
    const file = await chooseAndUpload('sales');

    expect(await screen.findByText('Uploading… 40%')).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: 'Upload progress' })).toHaveAttribute(
      'value',
      '40',
    );
    const sent = FakeXhr.sent[0]!;
    expect(sent.url).toBe('/api/v1/uploads');
    expect(sent.headers['X-XSRF-TOKEN']).toBe('tok-1');
    expect(sent.form.get('file')).toBe(file);
    expect(sent.form.get('table')).toBe('sales');

    FakeXhr.release?.();
    const loaded = await screen.findByRole('region', { name: 'Load report' });
    expect(within(loaded).getByText('sales_2024')).toBeInTheDocument();
    expect(within(loaded).getByTestId('rows-loaded')).toHaveTextContent('1,234');
    expect(within(loaded).getByTestId('rows-rejected')).toHaveTextContent('102');
    const rejections = within(loaded).getByRole('table', { name: 'Rejected rows' });
    expect(within(rejections).getByText('has 7 fields but the header has 6')).toBeInTheDocument();
    expect(within(loaded).getByText('…and 100 more rows were rejected.')).toBeInTheDocument();
    const columns = within(loaded).getByRole('table', { name: 'Columns' });
    expect(within(columns).getByText('Order Date')).toBeInTheDocument();
    expect(within(columns).getByText('Date')).toBeInTheDocument();
    expect(within(loaded).getByRole('link', { name: 'Browse the schema' })).toHaveAttribute(
      'href',
      '/connections/up1/schema',
    );
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('deletes a table loaded by mistake, after asking', async () => {
    FakeXhr.answer = { status: 201, body: report, contentType: 'application/json' };
    const { calls } = mockFetch(() => noContent());
    renderUpload();
    await chooseAndUpload();
    FakeXhr.release?.();
    const loaded = await screen.findByRole('region', { name: 'Load report' });

    const user = userEvent.setup();
    await user.click(within(loaded).getByRole('button', { name: 'Delete table sales_2024' }));
    expect(within(loaded).getByText('Delete sales_2024 and its 1,234 rows?')).toBeInTheDocument();
    expect(calls).toHaveLength(0);
    await user.click(within(loaded).getByRole('button', { name: 'Delete table' }));

    expect(await screen.findByText(/Deleted the table/)).toBeInTheDocument();
    expect(calls).toHaveLength(1);
    expect(calls[0]!.method).toBe('DELETE');
    expect(calls[0]!.url).toBe('/api/v1/uploads/tables/sales_2024');
  });

  it('shows why a file was refused', async () => {
    FakeXhr.answer = {
      status: 400,
      body: {
        title: 'Cannot load the file',
        status: 400,
        detail: 'The CSV file cannot be read from line 3 on',
        errors: [{ field: 'file', message: 'The CSV file cannot be read from line 3 on' }],
      },
      contentType: 'application/problem+json',
    };
    renderUpload();
    await chooseAndUpload();
    FakeXhr.release?.();
    expect(
      await screen.findByText('The CSV file cannot be read from line 3 on'),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('File')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByRole('region', { name: 'Load report' })).toBeNull();
  });

  it('says when the file is too large', async () => {
    FakeXhr.answer = {
      status: 413,
      body: {
        title: 'Upload too large',
        status: 413,
        detail: 'The file is larger than the upload limit of 100 MB',
      },
      contentType: 'application/problem+json',
    };
    renderUpload();
    await chooseAndUpload();
    FakeXhr.release?.();
    expect(
      await screen.findByText('The file is larger than the upload limit of 100 MB'),
    ).toBeInTheDocument();
  });

  it('asks for a file first', async () => {
    renderUpload();
    await userEvent.click(screen.getByRole('button', { name: 'Upload' }));
    expect(screen.getByText('Choose a CSV or XLSX file.')).toBeInTheDocument();
    expect(FakeXhr.sent).toHaveLength(0);
  });
});
