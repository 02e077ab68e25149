import type { CSSProperties } from 'react';

interface SkeletonProps {
  width?: CSSProperties['width'];
  height?: CSSProperties['height'];
  radius?: CSSProperties['borderRadius'];
  className?: string;
}

/** A shimmering placeholder block shown while data loads. */
export function Skeleton({ width = '100%', height = '1em', radius, className }: SkeletonProps) {
  const style: CSSProperties = { width, height };
  if (radius !== undefined) style.borderRadius = radius;
  return (
    <span
      className={className ? `skeleton ${className}` : 'skeleton'}
      style={style}
      aria-hidden="true"
    />
  );
}

export function SkeletonText({ lines = 3 }: { lines?: number }) {
  return (
    <div className="skeleton-text" aria-hidden="true">
      {Array.from({ length: lines }, (_, i) => (
        <Skeleton key={i} width={i === lines - 1 ? '60%' : '100%'} height="0.85em" />
      ))}
    </div>
  );
}

export function TableSkeleton({ rows = 5, columns = 4 }: { rows?: number; columns?: number }) {
  return (
    <div className="table-skeleton" role="status" aria-label="Loading">
      {Array.from({ length: rows }, (_, r) => (
        <div className="table-skeleton__row" key={r}>
          {Array.from({ length: columns }, (_, c) => (
            <Skeleton key={c} height="0.9em" width={c === 0 ? '70%' : '85%'} />
          ))}
        </div>
      ))}
    </div>
  );
}

export function PageSkeleton() {
  return (
    <div className="page" role="status" aria-label="Loading">
      <Skeleton width="14rem" height="1.75rem" />
      <div className="card" style={{ marginTop: '1.5rem' }}>
        <SkeletonText lines={4} />
      </div>
    </div>
  );
}

/** A full-window skeleton of the app shell, shown while the session is checked. */
export function AppShellSkeleton() {
  return (
    <div className="shell" role="status" aria-label="Loading DataMind">
      <aside className="sidebar">
        <div className="sidebar__brand">
          <Skeleton width="8rem" height="1.25rem" className="skeleton--dark" />
        </div>
        <div className="sidebar__nav">
          <Skeleton height="2rem" className="skeleton--dark" />
          <Skeleton height="2rem" className="skeleton--dark" />
        </div>
      </aside>
      <main className="shell__main">
        <PageSkeleton />
      </main>
    </div>
  );
}
