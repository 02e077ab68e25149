import { describe, expect, it } from 'vitest';
import type { ChartSpec, Column, Row } from '../types';
import { chartChoices, initialSpec, recommendChart, specFor, type ChartData } from './suitability';

const col = (name: string, category: string): Column => ({ name, type: category, category });

function data(columns: readonly Column[], rows: readonly Row[]): ChartData {
  return { columns, rows };
}

const kpi = data([col('orders', 'integer')], [[1200]]);
const monthly = data(
  [col('month', 'date'), col('revenue', 'number'), col('orders', 'integer')],
  [
    ['2024-01-01', 100.5, 3],
    ['2024-02-01', 200, 5],
    ['2024-03-01', 150, 4],
  ],
);
const byCountry = data(
  [col('country', 'text'), col('revenue', 'number')],
  [
    ['Germany', 300],
    ['France', 200],
    ['Spain', 100],
  ],
);
const twoCategories = data(
  [col('country', 'text'), col('segment', 'text'), col('revenue', 'number')],
  [
    ['Germany', 'Retail', 100],
    ['Germany', 'Online', 50],
    ['France', 'Retail', 80],
  ],
);
const twoMeasures = data(
  [col('price', 'number'), col('quantity', 'integer')],
  [
    [9.99, 3],
    [19.99, 1],
    [4.5, 10],
  ],
);
const names = data(
  [col('first_name', 'text'), col('last_name', 'text')],
  [
    ['Ada', 'Lovelace'],
    ['Grace', 'Hopper'],
  ],
);

const types = (d: ChartData, preferred?: ChartSpec | null) =>
  chartChoices(d, preferred).map((c) => c.type);

describe('chart suitability', () => {
  it('offers a number only for one row with a measure', () => {
    expect(types(kpi)).toEqual(['kpi', 'table']);
    expect(specFor('kpi', kpi)).toEqual({
      type: 'kpi',
      x: null,
      y: ['orders'],
      series: null,
      title: null,
    });
    expect(specFor('kpi', byCountry)).toBeNull();
  });

  it('offers line, bars and scatter over time with measures', () => {
    expect(types(monthly)).toEqual(['line', 'bar', 'horizontal_bar', 'scatter', 'table']);
    expect(specFor('line', monthly)).toMatchObject({
      x: 'month',
      y: ['revenue', 'orders'],
      series: null,
    });
    expect(specFor('scatter', monthly)).toMatchObject({ x: 'revenue', y: ['orders'] });
  });

  it('offers bars and a pie for a category with a measure', () => {
    expect(types(byCountry)).toEqual(['line', 'bar', 'horizontal_bar', 'pie', 'table']);
    expect(specFor('pie', byCountry)).toMatchObject({ x: 'country', y: ['revenue'] });
  });

  it('refuses a pie with negative values, no total or too many parts', () => {
    const negative = data(byCountry.columns, [
      ['Germany', 300],
      ['France', -20],
    ]);
    const zero = data(byCountry.columns, [
      ['Germany', 0],
      ['France', 0],
    ]);
    const many = data(
      byCountry.columns,
      Array.from({ length: 13 }, (_, i) => [`Country ${i}`, i + 1]),
    );
    expect(specFor('pie', negative)).toBeNull();
    expect(specFor('pie', zero)).toBeNull();
    expect(specFor('pie', many)).toBeNull();
    expect(specFor('bar', many)).not.toBeNull();
  });

  it('offers grouped and stacked bars, and a line per group, for two categories', () => {
    expect(types(twoCategories)).toEqual(['line', 'grouped_bar', 'stacked_bar', 'table']);
    expect(specFor('stacked_bar', twoCategories)).toMatchObject({
      x: 'country',
      y: ['revenue'],
      series: 'segment',
    });
    // A bar per row needs a category that does not repeat.
    expect(specFor('bar', twoCategories)).toBeNull();
  });

  it('uses the first numeric column as the category when every column is a number', () => {
    const years = data(
      [col('year', 'integer'), col('revenue', 'number')],
      [
        [2023, 10],
        [2024, 12],
      ],
    );
    expect(specFor('bar', years)).toMatchObject({ x: 'year', y: ['revenue'] });
  });

  it('offers only the table for text without measures', () => {
    expect(types(names)).toEqual(['table']);
    expect(recommendChart(names).type).toBe('table');
    expect(types(data([col('orders', 'integer')], []))).toEqual(['table']);
  });

  it('reads the category from the column type when the category is missing (POST /query)', () => {
    const fromQuery = data(
      [
        { name: 'country', type: 'text', nativeType: 'VARCHAR' },
        { name: 'revenue', type: 'number', nativeType: 'DECIMAL' },
      ],
      byCountry.rows,
    );
    expect(types(fromQuery)).toEqual(types(byCountry));
  });

  it('recommends like the server: kpi, line, grouped, bar (horizontal for long labels), scatter', () => {
    expect(recommendChart(kpi).type).toBe('kpi');
    expect(recommendChart(monthly).type).toBe('line');
    expect(recommendChart(twoCategories).type).toBe('grouped_bar');
    expect(recommendChart(byCountry).type).toBe('bar');
    const longLabels = data(byCountry.columns, [
      ['The United Kingdom of Great Britain', 1],
      ['France', 2],
    ]);
    expect(recommendChart(longLabels).type).toBe('horizontal_bar');
    expect(recommendChart(twoMeasures).type).toBe('scatter');
  });

  it('keeps the server spec (and its title) when it fits, and ignores it when it does not', () => {
    const server: ChartSpec = {
      type: 'horizontal_bar',
      x: 'country',
      y: ['revenue'],
      series: null,
      title: 'Revenue by country',
    };
    expect(initialSpec(byCountry, server)).toBe(server);
    expect(chartChoices(byCountry, server).find((c) => c.type === 'horizontal_bar')?.spec).toBe(
      server,
    );
    const wrongColumn = { ...server, x: 'city' };
    expect(initialSpec(byCountry, wrongColumn).type).toBe('bar');
    const unfit: ChartSpec = { ...server, type: 'kpi', x: null };
    expect(initialSpec(byCountry, unfit).type).toBe('bar');
  });
});
