import { Skeleton } from '@/components/Skeleton';
import { formatDate } from '@/lib/format';
import { useQuery } from '@/lib/use-query';
import { budgetApi, type BudgetStatus } from './api';

const count = new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 });

function tone(pct: number): 'ok' | 'warn' | 'bad' {
  if (pct >= 100) return 'bad';
  if (pct >= 80) return 'warn';
  return 'ok';
}

export function BudgetMeter({ status }: { status: BudgetStatus }) {
  const pct = Math.min(100, Math.max(0, status.pctUsed));
  const exhausted = status.remaining <= 0;
  return (
    <div className={`budget budget--${tone(status.pctUsed)}`}>
      <div className="budget__text">
        <span>
          {exhausted ? 'Token budget used up' : 'Tokens this month'}:{' '}
          <strong>{count.format(status.used)}</strong> of {count.format(status.budget)}
        </span>
        <span className="muted">Resets {formatDate(status.resetsAt)}</span>
      </div>
      <div
        className="budget__track"
        role="progressbar"
        aria-label="Monthly token budget used"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        aria-valuetext={`${status.pctUsed}% used`}
      >
        <div className="budget__fill" style={{ width: `${pct}%` }} />
      </div>
    </div>
  );
}

/** The organization's token use this month; `version` changes make it load again (after an answer). */
export function BudgetBar({ version = 0 }: { version?: number }) {
  const { data, error } = useQuery(`budget:${version}`, (signal) => budgetApi.get(signal));
  if (data) return <BudgetMeter status={data} />;
  if (error) return <p className="budget muted">The token budget could not be loaded.</p>;
  return (
    <div className="budget" role="status" aria-label="Loading the token budget">
      <Skeleton width="12rem" height="0.8rem" />
      <Skeleton height="6px" />
    </div>
  );
}
