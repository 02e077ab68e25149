import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { EChartsOption } from 'echarts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockFetch, problem } from '@/testing/fetch';
import { chatApi } from '../api';
import type { ChartSpec, ResultData } from '../types';
import type * as CsvModule from './csv';
import { ResultView } from './ResultView';

const drawn = vi.hoisted(() => ({ options: [] as EChartsOption[] }));
vi.mock('@/components/chart', () => ({
  Chart: ({ option, ariaLabel }: { option: EChartsOption; ariaLabel: string }) => {
    drawn.options.push(option);
    return <div role="img" aria-label={ariaLabel} />;
  },
}));
const csv = vi.hoisted(() => ({ downloadCsv: vi.fn() }));
vi.mock('./csv', async (original) => ({ ...(await original<typeof CsvModule>()), ...csv }));

afterEach(() => {
  drawn.options.length = 0;
  vi.clearAllMocks();
  vi.unstubAllGlobals();
});

const columns = [
  { name: 'orders', type: 'BIGINT', category: 'integer' },
  { name: 'day', type: 'DATE', category: 'date' },
];
const day = (i: number) => new Date(Date.UTC(2023, 0, 1 + i)).toISOString().slice(0, 10);
const everyDay: [number, string][] = Array.from({ length: 365 }, (_, i) => [100 + i, day(i)]);
/** An answer of 365 rows as the server sends it: the first 100 in `rows`. */
const preview: ResultData = {
  columns,
  rows: everyDay.slice(0, 100),
  rowCount: 365,
  truncated: false,
};
const line: ChartSpec = {
  type: 'line',
  x: 'day',
  y: ['orders'],
  series: null,
  title: 'Orders per day',
};

function lastSeries(): unknown[] {
  const option = drawn.options.at(-1);
  const series = option?.series as { data: unknown[] }[];
  return series[0]!.data;
}

describe('ResultView', () => {
  it("draws the chart from the server's data for every row, not from the preview", () => {
    render(
      <ResultView
        result={preview}
        chart={{ ...line, data: { columns, rows: everyDay, rowCount: 365, sampling: 'all' } }}
        title="Orders per day"
      />,
    );
    expect(screen.getByRole('img', { name: /Line chart/ })).toBeInTheDocument();
    expect(lastSeries()).toHaveLength(365);
    expect(lastSeries().at(-1)).toBe(464);
    expect(screen.queryByText(/Drawn from/)).toBeNull();
  });

  it('says when the chart shows fewer rows than the result', () => {
    const { rerender } = render(
      <ResultView
        result={preview}
        chart={{
          ...line,
          data: { columns, rows: everyDay.slice(0, 2), rowCount: 5000, sampling: 'evenly_spaced' },
        }}
        title="t"
      />,
    );
    expect(screen.getByText('Drawn from 2 of 5,000 rows, evenly spaced.')).toBeInTheDocument();
    // An answer stored before the server sent chart data: the preview, said so.
    rerender(<ResultView result={preview} chart={line} title="t" />);
    expect(lastSeries()).toHaveLength(100);
    expect(screen.getByText('Drawn from the first 100 of 365 rows.')).toBeInTheDocument();
  });

  it('downloads the whole result from the server when the table holds a preview', async () => {
    const body = ['orders,day', ...everyDay.map((r) => r.join(','))].join('\r\n') + '\r\n';
    const { calls } = mockFetch(
      () =>
        new Response(body, { status: 200, headers: { 'Content-Type': 'text/csv;charset=UTF-8' } }),
    );
    const user = userEvent.setup();
    render(
      <ResultView
        result={preview}
        chart={null}
        title="Orders per day"
        fullCsv={() => chatApi.resultCsv('m-1')}
      />,
    );
    expect(screen.queryByText(/The CSV holds/)).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Download CSV' }));

    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe('/api/v1/chat/messages/m-1/result');
    expect(calls[0]!.headers.accept).toBe('text/csv');
    expect(csv.downloadCsv).toHaveBeenCalledOnce();
    const [fileName, content] = csv.downloadCsv.mock.calls[0] as [string, string];
    expect(fileName).toBe('orders-per-day.csv');
    expect(content.split('\r\n').filter(Boolean)).toHaveLength(366);
    expect(screen.getByRole('button', { name: 'Download CSV' })).toBeEnabled();
  });

  it('notes a result cut at the row limit, and a failed download', async () => {
    mockFetch(() => problem(404, { title: 'Not found', detail: 'Message not found' }));
    const user = userEvent.setup();
    render(
      <ResultView
        result={{ ...preview, rowCount: 10000, truncated: true }}
        chart={null}
        title="t"
        fullCsv={() => chatApi.resultCsv('m-2')}
      />,
    );
    expect(
      screen.getByText(
        'The CSV holds the 10,000 rows the query returned: it stopped at its row limit.',
      ),
    ).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Download CSV' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The download failed: Message not found',
    );
    expect(csv.downloadCsv).not.toHaveBeenCalled();
  });

  it('without the server, the CSV holds the rows shown and says so', async () => {
    const { fn } = mockFetch(() => new Response(null, { status: 500 }));
    const user = userEvent.setup();
    render(<ResultView result={preview} chart={null} title="t" />);
    expect(screen.getByText('The CSV holds only the 100 rows shown here.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Download CSV' }));

    expect(fn).not.toHaveBeenCalled();
    const [, content] = csv.downloadCsv.mock.calls[0] as [string, string];
    expect(content.split('\r\n').filter(Boolean)).toHaveLength(101);
  });
});
