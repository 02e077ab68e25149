import { Link } from 'react-router';

export function NotFoundPage() {
  return (
    <div className="page">
      <div className="empty-state">
        <h1 className="page__title">Page not found</h1>
        <p className="muted">There is nothing at this address.</p>
        <Link className="btn btn--primary" to="/">
          Go home
        </Link>
      </div>
    </div>
  );
}
