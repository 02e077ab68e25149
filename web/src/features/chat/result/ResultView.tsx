import { AnswerChart } from '../chart/AnswerChart';
import type { ChartSpec, ResultData } from '../types';
import { ResultTable } from './ResultTable';

interface ResultViewProps {
  result: ResultData;
  chart: ChartSpec | null;
  title: string;
}

/** A result as a chart (when one fits) above its table. */
export function ResultView({ result, chart, title }: ResultViewProps) {
  return (
    <div className="result-view">
      <AnswerChart data={result} spec={chart} />
      <ResultTable result={result} title={title} />
    </div>
  );
}
