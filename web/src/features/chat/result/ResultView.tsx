import { AnswerChart } from '../chart/AnswerChart';
import type { ChartSpec, ResultData } from '../types';
import { ResultTable } from './ResultTable';

interface ResultViewProps {
  result: ResultData;
  chart: ChartSpec | null;
  title: string;
  /** Fetches the whole result as CSV, when the table holds only part of it (a stored answer). */
  fullCsv?: (() => Promise<string>) | undefined;
}

/** A result as a chart (when one fits) above its table. */
export function ResultView({ result, chart, title, fullCsv }: ResultViewProps) {
  return (
    <div className="result-view">
      <AnswerChart data={chart?.data ?? result} spec={chart} rowCount={result.rowCount} />
      <ResultTable result={result} title={title} fullCsv={fullCsv} />
    </div>
  );
}
