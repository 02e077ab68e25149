import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ResultData } from '../types';
import type * as CsvModule from './csv';
import { ResultTable } from './ResultTable';

const csv = vi.hoisted(() => ({ downloadCsv: vi.fn() }));
vi.mock('./csv', async (original) => ({ ...(await original<typeof CsvModule>()), ...csv }));

afterEach(() => {
  vi.clearAllMocks();
});

const result: ResultData = {
  columns: [
    { name: 'product', type: 'VARCHAR', category: 'text' },
    { name: 'units', type: 'INTEGER', category: 'integer' },
  ],
  rows: Array.from({ length: 23 }, (_, i) => [
    `Product ${String(i).padStart(2, '0')}`,
    (i * 7) % 23,
  ]),
  rowCount: 250,
  truncated: false,
};

function bodyRows() {
  const [, body] = screen.getAllByRole('rowgroup');
  return within(body!)
    .getAllByRole('row')
    .map((r) =>
      within(r)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    );
}

describe('ResultTable', () => {
  it('pages through the rows, sorts by a column and downloads the sorted rows as CSV', async () => {
    const user = userEvent.setup();
    render(<ResultTable result={result} title="Units by product" />);
    expect(screen.getByRole('table', { name: 'Units by product' })).toBeInTheDocument();
    expect(screen.getByText(/250 rows · showing the first 23/)).toBeInTheDocument();
    expect(bodyRows()).toHaveLength(10);
    expect(bodyRows()[0]).toEqual(['Product 00', '0']);
    expect(screen.getByText('Showing 1–10 of 23')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(bodyRows()[0]).toEqual(['Product 10', '1']);

    const units = screen.getByRole('columnheader', { name: /units/ });
    expect(units).toHaveAttribute('aria-sort', 'none');
    await user.click(within(units).getByRole('button'));
    expect(units).toHaveAttribute('aria-sort', 'ascending');
    // Sorting goes back to the first page.
    expect(screen.getByText('Showing 1–10 of 23')).toBeInTheDocument();
    expect(bodyRows()[0]).toEqual(['Product 00', '0']);
    expect(bodyRows()[1]).toEqual(['Product 10', '1']);

    await user.click(within(units).getByRole('button'));
    expect(units).toHaveAttribute('aria-sort', 'descending');
    expect(bodyRows()[0]).toEqual(['Product 13', '22']);

    await user.click(screen.getByRole('button', { name: 'Download CSV' }));
    expect(csv.downloadCsv).toHaveBeenCalledOnce();
    const [fileName, content] = csv.downloadCsv.mock.calls[0] as [string, string];
    expect(fileName).toBe('units-by-product.csv');
    const lines = content.split('\r\n');
    expect(lines[0]).toBe('product,units');
    expect(lines[1]).toBe('Product 13,22');
    expect(lines).toHaveLength(25);
  });

  it('shows nulls and an empty result', () => {
    const { rerender } = render(
      <ResultTable
        result={{ ...result, rows: [['Gadget', null]], rowCount: 1, truncated: true }}
        title="t"
      />,
    );
    expect(screen.getByText('null')).toHaveClass('cell-null');
    expect(screen.getByText(/1 row \(stopped at the row limit\)/)).toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: 'Pagination' })).toBeNull();
    rerender(<ResultTable result={{ ...result, rows: [], rowCount: 0 }} title="t" />);
    expect(screen.getByText('The query returned no rows.')).toBeInTheDocument();
  });
});
