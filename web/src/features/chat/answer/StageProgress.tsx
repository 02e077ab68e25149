import type { StageEntry } from '../stream/turn-reducer';

const STAGE_LABELS: Record<string, string> = {
  schema: 'Reading the schema',
  examples: 'Finding examples',
  generate_sql: 'Writing SQL',
  check: 'Checking the SQL',
  execute: 'Running the query',
  repair: 'Repairing the SQL',
  chart: 'Choosing a chart',
  analyze: 'Writing the analysis',
};

export function stageLabel(stage: string): string {
  return STAGE_LABELS[stage] ?? stage.replace(/_/g, ' ');
}

function duration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** The pipeline's stages so far: done ones with their time, the running one with a spinner. */
export function StageProgress({ stages, active }: { stages: StageEntry[]; active: boolean }) {
  const running = [...stages].reverse().find((s) => s.state === 'started');
  return (
    <div className="stages">
      <ol className="stages__list" aria-label="Progress">
        {stages.map((s, i) => (
          <li
            key={i}
            className={`stage stage--${s.state === 'done' ? 'done' : active ? 'running' : 'idle'}`}
          >
            <span className="stage__mark" aria-hidden="true" />
            <span>{stageLabel(s.stage)}</span>
            {s.state === 'done' && <span className="stage__ms">{duration(s.ms)}</span>}
          </li>
        ))}
        {active && stages.length === 0 && (
          <li className="stage stage--running">
            <span className="stage__mark" aria-hidden="true" />
            <span>Starting</span>
          </li>
        )}
      </ol>
      <p className="visually-hidden" aria-live="polite">
        {active && running ? `${stageLabel(running.stage)}…` : ''}
      </p>
    </div>
  );
}
