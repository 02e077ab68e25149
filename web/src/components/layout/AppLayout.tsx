import { NavLink, Outlet, useLocation } from 'react-router';
import { useCurrentUser } from '@/features/auth/use-auth';
import { hasRole } from '@/lib/roles';
import { ErrorBoundary } from '../ErrorBoundary';
import {
  AuditIcon,
  ChatIcon,
  DatabaseIcon,
  DocsIcon,
  HomeIcon,
  LogoMark,
  SlidersIcon,
  UploadIcon,
  UsersIcon,
} from '../icons';
import { UserMenu } from './UserMenu';

const navClass = ({ isActive }: { isActive: boolean }) =>
  isActive ? 'nav-item nav-item--active' : 'nav-item';

/** The signed-in app: sidebar navigation and the current page. */
export function AppLayout() {
  const { user } = useCurrentUser();
  const location = useLocation();
  const isAdmin = hasRole(user.role, 'admin');
  const isAnalyst = hasRole(user.role, 'analyst');

  return (
    <div className="shell">
      <aside className="sidebar">
        <div className="sidebar__brand">
          <LogoMark />
          <span className="sidebar__name">DataMind</span>
        </div>
        <nav className="sidebar__nav" aria-label="Main">
          <NavLink to="/" end className={navClass}>
            <HomeIcon />
            <span>Home</span>
          </NavLink>
          <NavLink to="/chat" className={navClass}>
            <ChatIcon />
            <span>Chat</span>
          </NavLink>
          <div className="sidebar__section">Data</div>
          <NavLink to="/connections" className={navClass}>
            <DatabaseIcon />
            <span>Connections</span>
          </NavLink>
          {isAnalyst && (
            <NavLink to="/uploads" className={navClass}>
              <UploadIcon />
              <span>Upload data</span>
            </NavLink>
          )}
          {isAdmin && (
            <>
              <div className="sidebar__section">Administration</div>
              <NavLink to="/members" className={navClass}>
                <UsersIcon />
                <span>Members</span>
              </NavLink>
              <NavLink to="/audit" className={navClass}>
                <AuditIcon />
                <span>Audit log</span>
              </NavLink>
              <NavLink to="/settings/ai" className={navClass}>
                <SlidersIcon />
                <span>AI settings</span>
              </NavLink>
            </>
          )}
          <div className="sidebar__section">Developers</div>
          <a className="nav-item" href="/swagger-ui.html" target="_blank" rel="noreferrer">
            <DocsIcon />
            <span>API docs</span>
          </a>
        </nav>
        <UserMenu />
      </aside>
      <main className="shell__main" id="main">
        {/* A new page gets a fresh boundary; moving within a page (/chat/a to /chat/b) keeps it mounted. */}
        <ErrorBoundary key={location.pathname.split('/')[1]} name={location.pathname}>
          <Outlet />
        </ErrorBoundary>
      </main>
    </div>
  );
}
