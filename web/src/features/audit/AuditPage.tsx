import type { BarSeriesOption, EChartsOption } from 'echarts';
import { Fragment, useMemo, useState, type SubmitEvent } from 'react';
import { Chart } from '@/components/chart';
import { TextField } from '@/components/form/Field';
import { LoadError } from '@/components/LoadError';
import { PagedTable } from '@/components/PagedTable';
import { PageHeader } from '@/components/PageHeader';
import { TableSkeleton } from '@/components/Skeleton';
import { formatDateTime } from '@/lib/format';
import { usePagedQuery } from '@/lib/use-paged-query';
import { auditApi, type AuditEvent, type AuditFilters } from './api';

const PAGE_SIZE = 25;

interface Draft {
  action: string;
  from: string;
  to: string;
}

const EMPTY: Draft = { action: '', from: '', to: '' };

/** "2024-05-01" (local day) -> ISO instant of its first or last millisecond. */
export function dayToInstant(day: string, edge: 'start' | 'end'): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const d = new Date(`${day}T${edge === 'start' ? '00:00:00.000' : '23:59:59.999'}`);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

function toFilters(draft: Draft): AuditFilters {
  const filters: AuditFilters = {};
  const action = draft.action.trim();
  if (action) filters.action = action;
  const from = dayToInstant(draft.from, 'start');
  if (from) filters.from = from;
  const to = dayToInstant(draft.to, 'end');
  if (to) filters.to = to;
  return filters;
}

/** UUIDs are long; the first block is enough to tell them apart on one page. */
function shortId(id: string): string {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)
    ? `${id.slice(0, 8)}…`
    : id;
}

function formatDetails(details: unknown): string | null {
  if (details === null || details === undefined || details === '') return null;
  if (typeof details === 'string') {
    try {
      return JSON.stringify(JSON.parse(details), null, 2);
    } catch {
      return details;
    }
  }
  return JSON.stringify(details, null, 2);
}

function actionsChart(items: AuditEvent[]): EChartsOption {
  const counts = new Map<string, number>();
  for (const e of items) counts.set(e.action, (counts.get(e.action) ?? 0) + 1);
  const rows = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  const bars: BarSeriesOption = {
    type: 'bar',
    name: 'Events',
    data: rows.map(([, n]) => n),
    itemStyle: { color: '#4f46e5', borderRadius: [0, 4, 4, 0] },
    barMaxWidth: 18,
  };
  return {
    grid: {
      left: 8,
      right: 24,
      top: 8,
      bottom: 8,
      outerBoundsMode: 'same',
      outerBoundsContain: 'axisLabel',
    },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: rows.map(([a]) => a) },
    series: [bars],
  };
}

export function AuditPage() {
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [applied, setApplied] = useState<Draft>(EMPTY);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const filters = useMemo(() => toFilters(applied), [applied]);
  const paged = usePagedQuery(
    `audit:${JSON.stringify(filters)}`,
    (offset, limit, signal) => auditApi.list(filters, offset, limit, signal),
    PAGE_SIZE,
  );
  const { data, error, loading, reload, setOffset } = paged;
  const chartOption = useMemo(() => (data ? actionsChart(data.items) : undefined), [data]);
  const rangeInvalid = draft.from !== '' && draft.to !== '' && draft.from > draft.to;

  const apply = (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (rangeInvalid) return;
    setApplied(draft);
    setOffset(0);
  };

  const clear = () => {
    setDraft(EMPTY);
    setApplied(EMPTY);
    setOffset(0);
  };

  const toggle = (key: string) => {
    setExpanded((prev) => {
      const next = new Set(prev);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  };

  const set = (field: keyof Draft) => (e: { target: { value: string } }) => {
    setDraft((d) => ({ ...d, [field]: e.target.value }));
  };

  return (
    <div className="page">
      <PageHeader title="Audit log" subtitle="Who did what in your organization, and when." />

      <form className="card filters" onSubmit={apply} aria-label="Audit filters">
        <TextField
          id="audit-action"
          label="Action"
          name="action"
          placeholder="e.g. auth.login"
          value={draft.action}
          onChange={set('action')}
        />
        <TextField
          id="audit-from"
          label="From"
          type="date"
          name="from"
          value={draft.from}
          max={draft.to || undefined}
          onChange={set('from')}
        />
        <TextField
          id="audit-to"
          label="To"
          type="date"
          name="to"
          value={draft.to}
          min={draft.from || undefined}
          onChange={set('to')}
        />
        <div className="filters__actions">
          <button type="submit" className="btn btn--primary" disabled={rangeInvalid}>
            Apply
          </button>
          <button type="button" className="btn btn--ghost" onClick={clear}>
            Clear
          </button>
        </div>
        {rangeInvalid && (
          <p className="field__error filters__error">“From” must be on or before “To”.</p>
        )}
      </form>

      {error ? (
        <LoadError title="Could not load the audit log" error={error} onRetry={reload} />
      ) : !data ? (
        <div className="card card--flush">
          <TableSkeleton rows={8} columns={5} />
        </div>
      ) : (
        <>
          {chartOption && data.items.length > 0 && (
            <section className="card">
              <div className="card__header">
                <h2 className="card__title">Actions on this page</h2>
                <p className="muted">
                  {data.items.length} event{data.items.length === 1 ? '' : 's'} by action
                </p>
              </div>
              <Chart
                option={chartOption}
                height={Math.max(
                  120,
                  Math.min(320, 36 + 28 * new Set(data.items.map((i) => i.action)).size),
                )}
                ariaLabel="Number of events on this page by action"
              />
            </section>
          )}
          <section className="card card--flush" aria-label="Audit events" aria-busy={loading}>
            <PagedTable
              head={
                <>
                  <th scope="col">Time</th>
                  <th scope="col">Action</th>
                  <th scope="col">User</th>
                  <th scope="col">Target</th>
                  <th scope="col">IP</th>
                  <th scope="col" className="table__actions">
                    Details
                  </th>
                </>
              }
              columns={6}
              empty="No events match these filters."
              page={data}
              paged={paged}
            >
              {data.items.map((e) => {
                const details = formatDetails(e.details);
                const key = String(e.id);
                const expandable = Boolean(details || e.requestId || e.userAgent);
                const open = expanded.has(key);
                return (
                  <Fragment key={key}>
                    <tr className={open ? 'table__row--open' : undefined}>
                      <td className="nowrap">{formatDateTime(e.createdAt)}</td>
                      <td>
                        <code className="code-badge">{e.action}</code>
                      </td>
                      <td>{e.userEmail ?? <span className="muted">system</span>}</td>
                      <td>
                        {e.targetType ? (
                          <span>
                            {e.targetType}
                            {e.targetId && (
                              <span className="muted" title={e.targetId}>
                                {' · '}
                                {shortId(e.targetId)}
                              </span>
                            )}
                          </span>
                        ) : (
                          <span className="muted">—</span>
                        )}
                      </td>
                      <td className="nowrap muted">{e.ip ?? '—'}</td>
                      <td className="table__actions">
                        {expandable ? (
                          <button
                            type="button"
                            className="link-button"
                            aria-expanded={open}
                            aria-controls={`audit-${key}`}
                            onClick={() => toggle(key)}
                          >
                            {open ? 'Hide' : 'View'}
                          </button>
                        ) : (
                          <span className="muted">—</span>
                        )}
                      </td>
                    </tr>
                    {open && (
                      <tr className="table__detail-row" id={`audit-${key}`}>
                        <td colSpan={6}>
                          <dl className="details__list">
                            {e.requestId && (
                              <>
                                <dt>Request ID</dt>
                                <dd>
                                  <code>{e.requestId}</code>
                                </dd>
                              </>
                            )}
                            {e.userAgent && (
                              <>
                                <dt>User agent</dt>
                                <dd>{e.userAgent}</dd>
                              </>
                            )}
                            {details && (
                              <>
                                <dt>Details</dt>
                                <dd>
                                  <pre>{details}</pre>
                                </dd>
                              </>
                            )}
                          </dl>
                        </td>
                      </tr>
                    )}
                  </Fragment>
                );
              })}
            </PagedTable>
          </section>
        </>
      )}
    </div>
  );
}
