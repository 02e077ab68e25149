interface PaginationProps {
  offset: number;
  limit: number;
  total: number;
  /** Items on the current page. */
  count: number;
  onChange: (offset: number) => void;
  disabled?: boolean;
}

export function Pagination({ offset, limit, total, count, onChange, disabled }: PaginationProps) {
  const first = count === 0 ? 0 : offset + 1;
  const last = offset + count;
  const page = Math.floor(offset / limit) + 1;
  const pages = Math.max(1, Math.ceil(total / limit));
  return (
    <nav className="pagination" aria-label="Pagination">
      <span className="pagination__summary">
        {count === 0 ? 'No results' : `Showing ${first}–${last} of ${total}`}
      </span>
      <div className="pagination__controls">
        <button
          type="button"
          className="btn btn--ghost btn--sm"
          onClick={() => onChange(Math.max(0, offset - limit))}
          disabled={disabled || offset === 0}
        >
          Previous
        </button>
        <span className="pagination__page">
          Page {page} of {pages}
        </span>
        <button
          type="button"
          className="btn btn--ghost btn--sm"
          onClick={() => onChange(offset + limit)}
          disabled={disabled || offset + limit >= total}
        >
          Next
        </button>
      </div>
    </nav>
  );
}
