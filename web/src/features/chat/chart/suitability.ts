import {
  CHART_TYPES,
  isNumericColumn,
  isTemporalColumn,
  type Cell,
  type ChartSpec,
  type ChartType,
  type Column,
  type Row,
} from '../types';
import { cellText } from '../result/table-model';

export interface ChartData {
  columns: readonly Column[];
  rows: readonly Row[];
}

/** Most parts a pie may have when the user picks it (the server recommends one only up to 6). */
export const MAX_PIE_PARTS = 12;
/** Labels longer than this, or more bars than {@link MANY_BARS}, make a bar chart horizontal. */
const LONG_LABEL = 14;
const MANY_BARS = 12;

export const CHART_LABELS: Record<ChartType, string> = {
  kpi: 'Number',
  line: 'Line',
  bar: 'Bar',
  horizontal_bar: 'Horizontal bar',
  grouped_bar: 'Grouped bar',
  stacked_bar: 'Stacked bar',
  pie: 'Pie',
  scatter: 'Scatter',
  table: 'Table',
};

/** A number from a cell, or null (big decimals may come as strings). */
export function toNumber(cell: Cell | undefined): number | null {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  if (typeof cell === 'string' && cell.trim() !== '') {
    const n = Number(cell);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

interface Roles {
  /** Category and time columns. */
  dimensions: Column[];
  /** Numeric columns. */
  measures: Column[];
}

function roles(columns: readonly Column[]): Roles {
  return {
    dimensions: columns.filter((c) => !isNumericColumn(c)),
    measures: columns.filter(isNumericColumn),
  };
}

function indexOf(data: ChartData, name: string | null | undefined): number {
  return name == null ? -1 : data.columns.findIndex((c) => c.name === name);
}

function distinctCount(data: ChartData, column: number): number {
  return new Set(data.rows.map((r) => JSON.stringify(r[column] ?? null))).size;
}

interface Axis {
  x: string;
  /** The first measure. */
  measure: string;
  measures: string[];
}

const names = (columns: Column[]) => columns.map((c) => c.name);

/**
 * The category axis and measures for line, bar and pie: the first time column (or else the first
 * category), or, when every column is numeric, the first column (a year, a bucket) as the category.
 */
function axis(data: ChartData): Axis | null {
  const { dimensions, measures } = roles(data.columns);
  const x = dimensions.find(isTemporalColumn) ?? dimensions[0];
  if (x) {
    const [measure] = measures;
    return measure ? { x: x.name, measure: measure.name, measures: names(measures) } : null;
  }
  const [first, second, ...rest] = data.columns;
  return first && second
    ? { x: first.name, measure: second.name, measures: names([second, ...rest]) }
    : null;
}

function spec(
  type: ChartType,
  x: string | null,
  y: string[],
  series: string | null = null,
): ChartSpec {
  return { type, x, y, series, title: null };
}

/** The spec to draw `data` as `type`, or null when that kind of chart does not fit the data. */
export function specFor(type: ChartType, data: ChartData): ChartSpec | null {
  const { dimensions, measures } = roles(data.columns);
  const [firstMeasure, secondMeasure] = measures;
  const rows = data.rows.length;
  switch (type) {
    case 'table':
      return spec('table', null, []);
    case 'kpi':
      return rows === 1 && firstMeasure ? spec('kpi', null, [firstMeasure.name]) : null;
    case 'line': {
      const a = axis(data);
      if (!a || rows < 2) return null;
      // A second category splits the line into one line per value.
      const series = dimensions.length === 2 ? dimensions.find((d) => d.name !== a.x) : undefined;
      return series ? spec('line', a.x, [a.measure], series.name) : spec('line', a.x, a.measures);
    }
    case 'bar':
    case 'horizontal_bar': {
      const a = axis(data);
      // One bar per row: the category must not repeat.
      if (!a || rows < 1 || distinctCount(data, indexOf(data, a.x)) !== rows) return null;
      return spec(type, a.x, a.measures);
    }
    case 'grouped_bar':
    case 'stacked_bar': {
      const x = dimensions.find(isTemporalColumn) ?? dimensions[0];
      const series = dimensions.find((d) => d !== x);
      if (!x || !series || !firstMeasure || rows < 2) return null;
      return spec(type, x.name, [firstMeasure.name], series.name);
    }
    case 'pie': {
      const a = axis(data);
      if (!a || rows < 2 || rows > MAX_PIE_PARTS) return null;
      // Parts of a whole are categories, not points in time.
      const xColumn = data.columns[indexOf(data, a.x)];
      if (!xColumn || isTemporalColumn(xColumn)) return null;
      if (distinctCount(data, indexOf(data, a.x)) !== rows) return null;
      const yIndex = indexOf(data, a.measure);
      const values = data.rows.map((r) => toNumber(r[yIndex]));
      if (values.some((v) => v === null || v < 0)) return null;
      if (values.reduce<number>((sum, v) => sum + (v ?? 0), 0) <= 0) return null;
      return spec('pie', a.x, [a.measure]);
    }
    case 'scatter':
      return firstMeasure && secondMeasure && rows >= 2
        ? spec('scatter', firstMeasure.name, [secondMeasure.name])
        : null;
  }
}

/** Whether the server's (or model's) spec names columns this result has and fits its shape. */
function usable(preferred: ChartSpec, data: ChartData): boolean {
  if (!CHART_TYPES.includes(preferred.type)) return false;
  if (!specFor(preferred.type, data)) return false;
  const names = [preferred.x, preferred.series, ...preferred.y].filter((n) => n != null);
  return names.every((n) => indexOf(data, n) >= 0);
}

export interface ChartChoice {
  type: ChartType;
  label: string;
  spec: ChartSpec;
}

/**
 * Every chart type that fits the data, in a fixed order, each with the spec to draw it. The server's
 * spec is kept (with its title) for its own type when it fits.
 */
export function chartChoices(data: ChartData, preferred?: ChartSpec | null): ChartChoice[] {
  const choices: ChartChoice[] = [];
  for (const type of CHART_TYPES) {
    const own = preferred?.type === type && usable(preferred, data) ? preferred : null;
    const s = own ?? specFor(type, data);
    if (s) choices.push({ type, label: CHART_LABELS[type], spec: s });
  }
  return choices;
}

/**
 * The chart for a result without a server spec (an edited query): the same rules as the server's
 * recommender.
 */
export function recommendChart(data: ChartData): ChartSpec {
  const { dimensions, measures } = roles(data.columns);
  const pick = (type: ChartType) => specFor(type, data);
  if (data.rows.length === 1 && data.columns.length === 1)
    return pick('kpi') ?? spec('table', null, []);
  const temporal = dimensions.find(isTemporalColumn);
  if (temporal && measures.length >= 1) {
    const line = pick('line');
    if (line) return line;
  }
  if (dimensions.length === 2 && measures.length >= 1) {
    const grouped = pick('grouped_bar');
    if (grouped) return grouped;
  }
  if (dimensions.length === 1 && measures.length >= 1) {
    const bar = pick('bar');
    if (bar) {
      const xIndex = indexOf(data, bar.x);
      const longest = Math.max(0, ...data.rows.map((r) => cellText(r[xIndex]).length));
      return longest > LONG_LABEL || data.rows.length > MANY_BARS
        ? { ...bar, type: 'horizontal_bar' }
        : bar;
    }
  }
  if (dimensions.length === 0 && measures.length === 2) {
    const scatter = pick('scatter');
    if (scatter) return scatter;
  }
  return spec('table', null, []);
}

/** The spec to show first: the server's when usable, else the client's recommendation. */
export function initialSpec(data: ChartData, preferred?: ChartSpec | null): ChartSpec {
  if (preferred && usable(preferred, data)) return preferred;
  return recommendChart(data);
}
