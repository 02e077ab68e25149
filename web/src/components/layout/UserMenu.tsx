import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useAuth, useCurrentUser } from '@/features/auth/use-auth';
import { SignOutIcon } from '../icons';
import { Avatar } from './Avatar';

/** The signed-in user, their org and "Sign out", at the bottom of the sidebar. */
export function UserMenu() {
  const { user, org } = useCurrentUser();
  const { signOut } = useAuth();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);

  const handleSignOut = async () => {
    setBusy(true);
    await signOut();
    await navigate('/sign-in', { replace: true });
  };

  return (
    <section className="user-menu" aria-label="Account">
      <div className="user-menu__org">
        <span className="user-menu__org-label">Organization</span>
        <span className="user-menu__org-name" data-testid="org-name">
          {org.name}
        </span>
      </div>
      <div className="user-menu__user">
        <Avatar name={user.fullName || user.email} />
        <div className="user-menu__identity">
          <span className="user-menu__name" data-testid="user-name">
            {user.fullName}
          </span>
          <span className="user-menu__email" title={user.email}>
            {user.email}
          </span>
        </div>
      </div>
      <button
        type="button"
        className="user-menu__signout"
        onClick={() => void handleSignOut()}
        disabled={busy}
      >
        <SignOutIcon />
        <span>{busy ? 'Signing out…' : 'Sign out'}</span>
      </button>
    </section>
  );
}
