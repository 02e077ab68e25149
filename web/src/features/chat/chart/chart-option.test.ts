import { describe, expect, it } from 'vitest';
import type { ChartSpec, Column } from '../types';
import { buildOption } from './chart-option';

const col = (name: string, category: string): Column => ({ name, type: category, category });
const spec = (s: Partial<ChartSpec>): ChartSpec => ({
  type: 'bar',
  x: null,
  y: [],
  series: null,
  title: null,
  ...s,
});

describe('buildOption', () => {
  const sales = {
    columns: [col('country', 'text'), col('segment', 'text'), col('revenue', 'number')],
    rows: [
      ['Germany', 'Retail', 100],
      ['Germany', 'Online', '50.5'],
      ['France', 'Retail', 80],
      ['France', 'Retail', 20],
      ['Spain', null, 7],
    ],
  };

  it('pivots a second category into one series per value, summing repeats', () => {
    const option = buildOption(
      spec({ type: 'stacked_bar', x: 'country', y: ['revenue'], series: 'segment' }),
      sales,
    );
    expect(option.xAxis).toMatchObject({ type: 'category', data: ['Germany', 'France', 'Spain'] });
    expect(option.series).toEqual([
      { type: 'bar', name: 'Retail', data: [100, 100, null], stack: 'total' },
      { type: 'bar', name: 'Online', data: [50.5, null, null], stack: 'total' },
      { type: 'bar', name: '(empty)', data: [null, null, 7], stack: 'total' },
    ]);
  });

  it('puts the categories on the y axis for horizontal bars', () => {
    const option = buildOption(spec({ type: 'horizontal_bar', x: 'segment', y: ['revenue'] }), {
      columns: sales.columns,
      rows: sales.rows.slice(0, 2),
    });
    expect(option.yAxis).toMatchObject({
      type: 'category',
      data: ['Retail', 'Online'],
      inverse: true,
    });
    expect(option.xAxis).toEqual({ type: 'value' });
    expect(option.legend).toEqual({ show: false });
  });

  it('draws one line per measure', () => {
    const option = buildOption(spec({ type: 'line', x: 'month', y: ['a', 'b'] }), {
      columns: [col('month', 'date'), col('a', 'integer'), col('b', 'integer')],
      rows: [
        ['2024-01', 1, 2],
        ['2024-02', 3, null],
      ],
    });
    expect(option.series).toEqual([
      { type: 'line', name: 'a', data: [1, 3], showSymbol: true },
      { type: 'line', name: 'b', data: [2, null], showSymbol: true },
    ]);
    expect(option.legend).toMatchObject({ type: 'scroll' });
  });

  it('makes pie slices and scatter points', () => {
    const pie = buildOption(spec({ type: 'pie', x: 'segment', y: ['revenue'] }), {
      columns: sales.columns,
      rows: sales.rows.slice(1, 3),
    });
    expect(pie.series).toMatchObject([
      {
        type: 'pie',
        data: [
          { name: 'Online', value: 50.5 },
          { name: 'Retail', value: 80 },
        ],
      },
    ]);
    const scatter = buildOption(spec({ type: 'scatter', x: 'p', y: ['q'] }), {
      columns: [col('p', 'number'), col('q', 'number')],
      rows: [
        [1, 2],
        [null, 3],
        [4, 5],
      ],
    });
    expect(scatter.series).toMatchObject([
      {
        type: 'scatter',
        data: [
          [1, 2],
          [4, 5],
        ],
      },
    ]);
  });
});
