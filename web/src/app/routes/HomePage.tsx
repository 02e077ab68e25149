import { Link } from 'react-router';
import { PageHeader } from '@/components/PageHeader';
import { Skeleton } from '@/components/Skeleton';
import { AuditIcon, DocsIcon, UsersIcon } from '@/components/icons';
import { useCurrentUser } from '@/features/auth/use-auth';
import { api } from '@/lib/api';
import { hasRole, roleLabel } from '@/lib/roles';
import { useQuery } from '@/lib/use-query';

interface Health {
  status: string;
  service: string;
  version: string;
}

function greeting(date: Date): string {
  const hour = date.getHours();
  if (hour < 5) return 'Good evening';
  if (hour < 12) return 'Good morning';
  if (hour < 18) return 'Good afternoon';
  return 'Good evening';
}

function statusTone(status: string): 'ok' | 'warn' | 'bad' {
  const s = status.toLowerCase();
  if (s === 'healthy' || s === 'up' || s === 'ok') return 'ok';
  if (s === 'degraded') return 'warn';
  return 'bad';
}

function capitalize(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1).toLowerCase();
}

export function HomePage() {
  const { user, org } = useCurrentUser();
  const health = useQuery('health', (signal) => api.get<Health>('/health', { signal }));
  const firstName = user.fullName.trim().split(/\s+/)[0] || user.email;
  const isAdmin = hasRole(user.role, 'admin');

  return (
    <div className="page">
      <PageHeader
        title={
          <>
            {greeting(new Date())}, {firstName}
          </>
        }
        subtitle={
          <>
            Signed in to <strong>{org.name}</strong>
          </>
        }
      />

      <div className="grid grid--3">
        <section className="card stat" aria-label="Organization">
          <span className="stat__label">Organization</span>
          <span className="stat__value">{org.name}</span>
          <span className="muted">
            URL name <code>{org.slug}</code>
          </span>
        </section>
        <section className="card stat" aria-label="Your role">
          <span className="stat__label">Your role</span>
          <span className="stat__value">{roleLabel(user.role)}</span>
          <span className="muted">{user.email}</span>
        </section>
        <section className="card stat" aria-label="Server">
          <span className="stat__label">Server</span>
          {health.data ? (
            <>
              <span className="stat__value">
                <span className={`dot dot--${statusTone(health.data.status)}`} />
                {capitalize(health.data.status)}
              </span>
              <span className="muted">
                {health.data.service} {health.data.version}
              </span>
            </>
          ) : health.error ? (
            <span className="stat__value">
              <span className="dot dot--bad" />
              Unavailable
            </span>
          ) : (
            <>
              <Skeleton width="6rem" height="1.5rem" />
              <Skeleton width="9rem" height="0.9rem" />
            </>
          )}
        </section>
      </div>

      <section className="card">
        <div className="card__header">
          <h2 className="card__title">Get started</h2>
        </div>
        <ul className="link-list">
          <li>
            <a className="link-list__item" href="/swagger-ui.html" target="_blank" rel="noreferrer">
              <DocsIcon />
              <span>
                <strong>API documentation</strong>
                <span className="muted">Explore and try the REST API in Swagger UI.</span>
              </span>
            </a>
          </li>
          {isAdmin && (
            <>
              <li>
                <Link className="link-list__item" to="/members">
                  <UsersIcon />
                  <span>
                    <strong>Invite your team</strong>
                    <span className="muted">Add members and choose what they can do.</span>
                  </span>
                </Link>
              </li>
              <li>
                <Link className="link-list__item" to="/audit">
                  <AuditIcon />
                  <span>
                    <strong>Review activity</strong>
                    <span className="muted">See sign-ins and changes in the audit log.</span>
                  </span>
                </Link>
              </li>
            </>
          )}
        </ul>
      </section>
    </div>
  );
}
