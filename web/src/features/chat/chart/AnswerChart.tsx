import { useId, useMemo, useState } from 'react';
import { Chart } from '@/components/chart';
import type { ChartSpec, ChartType } from '../types';
import { buildOption } from './chart-option';
import { KpiValue } from './KpiValue';
import { CHART_LABELS, chartChoices, initialSpec, type ChartData } from './suitability';

interface AnswerChartProps {
  data: ChartData;
  /** The server's recommendation, when there is one. */
  spec: ChartSpec | null;
}

function describe(spec: ChartSpec): string {
  const what =
    spec.title ?? [spec.y.join(', '), spec.x && `by ${spec.x}`].filter(Boolean).join(' ');
  return `${CHART_LABELS[spec.type]} chart${what ? `: ${what}` : ''}`;
}

/** The result drawn as the recommended chart, with a switcher among the types that fit the data. */
export function AnswerChart({ data, spec }: AnswerChartProps) {
  const choices = useMemo(() => chartChoices(data, spec), [data, spec]);
  const [chosen, setChosen] = useState<ChartType | null>(null);
  const selectId = useId();
  const current = choices.find((c) => c.type === chosen)?.spec ?? initialSpec(data, spec);
  const option = useMemo(
    () => (current.type === 'kpi' || current.type === 'table' ? null : buildOption(current, data)),
    [current, data],
  );

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
    </section>
  );
}
