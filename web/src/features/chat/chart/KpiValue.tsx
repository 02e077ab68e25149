import type { ChartSpec } from '../types';
import { toNumber, type ChartData } from './suitability';

const formatter = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });

/** A single number, large. */
export function KpiValue({ spec, data }: { spec: ChartSpec; data: ChartData }) {
  const name = spec.y[0] ?? data.columns[0]?.name ?? '';
  const index = Math.max(
    0,
    data.columns.findIndex((c) => c.name === name),
  );
  const value = toNumber(data.rows[0]?.[index]);
  return (
    <figure className="kpi">
      <span className="kpi__value">{value === null ? '—' : formatter.format(value)}</span>
      <figcaption className="kpi__label">{spec.title ?? name}</figcaption>
    </figure>
  );
}
