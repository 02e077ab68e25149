import { useId, useMemo, useState } from 'react';
import { Chart } from '@/components/chart';
import type { ChartSpec, ChartType } from '../types';
import { buildOption } from './chart-option';
import { KpiValue } from './KpiValue';
import { CHART_LABELS, chartChoices, initialSpec, type ChartData } from './suitability';

interface AnswerChartProps {
  /** The values to draw: the server's chart data when the spec has it, else the table's rows. */
  data: ChartData;
  /** The server's recommendation, when there is one. */
  spec: ChartSpec | null;
  /** Rows of the whole result, to say when the chart shows fewer. */
  rowCount?: number;
}

/** Says when the chart is drawn from fewer rows than the result has, and which. */
export function chartNote(spec: ChartSpec | null, drawn: number, rowCount: number): string | null {
  const values = spec?.data;
  const total = values ? values.rowCount : rowCount;
  if (drawn >= total) return null;
  const of = `${drawn.toLocaleString()} of ${total.toLocaleString()} rows`;
  if (!values) return `Drawn from the first ${of}.`;
  return values.sampling === 'evenly_spaced'
    ? `Drawn from ${of}, evenly spaced.`
    : `Drawn from the first ${of}.`;
}

function describe(spec: ChartSpec): string {
  const what =
    spec.title ?? [spec.y.join(', '), spec.x && `by ${spec.x}`].filter(Boolean).join(' ');
  return `${CHART_LABELS[spec.type]} chart${what ? `: ${what}` : ''}`;
}

/** The result drawn as the recommended chart, with a switcher among the types that fit the data. */
export function AnswerChart({ data, spec, rowCount = data.rows.length }: AnswerChartProps) {
  const choices = useMemo(() => chartChoices(data, spec), [data, spec]);
  const [chosen, setChosen] = useState<ChartType | null>(null);
  const selectId = useId();
  const current = choices.find((c) => c.type === chosen)?.spec ?? initialSpec(data, spec);
  const option = useMemo(
    () => (current.type === 'kpi' || current.type === 'table' ? null : buildOption(current, data)),
    [current, data],
  );

  const note = chartNote(spec, data.rows.length, rowCount);

  if (choices.length <= 1) return null;
  return (
    <section className="answer-chart" aria-label="Chart">
      <div className="answer-chart__switcher">
        <label htmlFor={selectId} className="muted">
          Chart type
        </label>
        <select
          id={selectId}
          className="input input--sm"
          value={current.type}
          onChange={(e) => setChosen(e.target.value as ChartType)}
        >
          {choices.map((c) => (
            <option key={c.type} value={c.type}>
              {c.label}
            </option>
          ))}
        </select>
      </div>
      {current.type === 'kpi' && <KpiValue spec={current} data={data} />}
      {option && <Chart option={option} ariaLabel={describe(current)} height={300} />}
      {option && note && <p className="answer-chart__note muted">{note}</p>}
    </section>
  );
}
