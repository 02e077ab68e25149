import type { EChartsOption } from 'echarts';
import type { Cell, ChartSpec } from '../types';
import { cellText } from '../result/table-model';
import { toNumber, type ChartData } from './suitability';

const PALETTE = [
  '#4f46e5',
  '#0ea5e9',
  '#10b981',
  '#f59e0b',
  '#ef4444',
  '#8b5cf6',
  '#ec4899',
  '#64748b',
];

function column(data: ChartData, name: string | null | undefined): number {
  return name == null ? -1 : data.columns.findIndex((c) => c.name === name);
}

function label(cell: Cell | undefined): string {
  const text = cellText(cell);
  return text === '' ? '(empty)' : text;
}

function distinct(values: string[]): string[] {
  return [...new Set(values)];
}

/** Pivots rows into one series per value of the `series` column; repeated pairs are summed. */
function pivot(data: ChartData, spec: ChartSpec) {
  const xi = column(data, spec.x);
  const si = column(data, spec.series);
  const yi = column(data, spec.y[0]);
  const categories = distinct(data.rows.map((r) => label(r[xi])));
  const keys = distinct(data.rows.map((r) => label(r[si])));
  const series = keys.map((name) => ({ name, data: categories.map((): number | null => null) }));
  for (const row of data.rows) {
    const target = series[keys.indexOf(label(row[si]))];
    const at = categories.indexOf(label(row[xi]));
    const v = toNumber(row[yi]);
    if (target && v !== null) target.data[at] = (target.data[at] ?? 0) + v;
  }
  return { categories, series };
}

/** One series per measure column, over the x column's values in row order. */
function byMeasure(data: ChartData, spec: ChartSpec) {
  const xi = column(data, spec.x);
  return {
    categories: data.rows.map((r) => label(r[xi])),
    series: spec.y.map((name) => {
      const yi = column(data, name);
      return { name, data: data.rows.map((r) => toNumber(r[yi])) };
    }),
  };
}

const base = (spec: ChartSpec, legend: boolean): EChartsOption => ({
  color: PALETTE,
  animationDuration: 300,
  tooltip: { trigger: spec.type === 'scatter' || spec.type === 'pie' ? 'item' : 'axis' },
  legend: legend ? { type: 'scroll', top: 0 } : { show: false },
  grid: {
    left: 8,
    right: 16,
    top: legend ? 36 : 16,
    bottom: 8,
    // Room for the axis labels inside the chart (ECharts 6's containLabel).
    outerBoundsMode: 'same',
    outerBoundsContain: 'axisLabel',
  },
});

/** The ECharts option that draws `data` as `spec`. Not for `kpi` and `table`, which are not charts. */
export function buildOption(spec: ChartSpec, data: ChartData): EChartsOption {
  switch (spec.type) {
    case 'pie': {
      const xi = column(data, spec.x);
      const yi = column(data, spec.y[0]);
      return {
        ...base(spec, true),
        series: [
          {
            type: 'pie',
            radius: ['40%', '70%'],
            top: 24,
            data: data.rows.map((r) => ({ name: label(r[xi]), value: toNumber(r[yi]) ?? 0 })),
          },
        ],
      };
    }
    case 'scatter': {
      const xi = column(data, spec.x);
      const yi = column(data, spec.y[0]);
      return {
        ...base(spec, false),
        xAxis: {
          type: 'value',
          name: spec.x ?? '',
          nameLocation: 'middle',
          nameGap: 28,
          scale: true,
        },
        yAxis: { type: 'value', name: spec.y[0] ?? '', scale: true },
        series: [
          {
            type: 'scatter',
            symbolSize: 8,
            data: data.rows
              .map((r) => [toNumber(r[xi]), toNumber(r[yi])])
              .filter((p): p is [number, number] => p[0] !== null && p[1] !== null),
          },
        ],
      };
    }
    case 'line':
    case 'bar':
    case 'horizontal_bar':
    case 'grouped_bar':
    case 'stacked_bar': {
      const { categories, series } = spec.series ? pivot(data, spec) : byMeasure(data, spec);
      const horizontal = spec.type === 'horizontal_bar';
      const kind = spec.type === 'line' ? 'line' : 'bar';
      const categoryAxis = {
        type: 'category' as const,
        data: categories,
        inverse: horizontal,
        axisLabel: { hideOverlap: true },
      };
      const valueAxis = { type: 'value' as const };
      return {
        ...base(spec, series.length > 1),
        xAxis: horizontal ? valueAxis : categoryAxis,
        yAxis: horizontal ? categoryAxis : valueAxis,
        series: series.map((s) =>
          kind === 'line'
            ? { type: 'line', name: s.name, data: s.data, showSymbol: categories.length <= 40 }
            : {
                type: 'bar',
                name: s.name,
                data: s.data,
                ...(spec.type === 'stacked_bar' ? { stack: 'total' } : {}),
              },
        ),
      };
    }
    case 'kpi':
    case 'table':
      return {};
  }
}
