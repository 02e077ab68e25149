import { useState } from 'react';
import { Alert } from '@/components/Alert';
import { Avatar } from '@/components/layout/Avatar';
import { ConfirmAction } from '@/components/ConfirmAction';
import { PagedListCard } from '@/components/PagedListCard';
import { PageHeader } from '@/components/PageHeader';
import { useCurrentUser } from '@/features/auth/use-auth';
import { errorMessage, type Id } from '@/lib/api';
import { formatDate } from '@/lib/format';
import { hasRole, ROLES, roleLabel } from '@/lib/roles';
import { usePagedQuery } from '@/lib/use-paged-query';
import { AddMemberForm } from './AddMemberForm';
import { membersApi, type Member } from './api';

const PAGE_SIZE = 20;

export function MembersPage() {
  const { user, org } = useCurrentUser();
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [busyId, setBusyId] = useState<Id | null>(null);
  const [confirmId, setConfirmId] = useState<Id | null>(null);
  const paged = usePagedQuery('members', membersApi.list, PAGE_SIZE);

  const isOwner = hasRole(user.role, 'owner');
  // Only owners hand out (or take away) ownership.
  const assignable = ROLES.filter((r) => isOwner || r !== 'owner').map((r) => ({
    value: r,
    label: roleLabel(r),
  }));
  const canManage = (m: Member) =>
    String(m.id) !== String(user.id) && (isOwner || m.role.toLowerCase() !== 'owner');

  const changeRole = async (member: Member, role: string) => {
    setBusyId(member.id);
    setNotice(null);
    try {
      await membersApi.changeRole(member.id, role);
      setNotice({ tone: 'success', text: `${member.fullName} is now ${roleLabel(role)}.` });
      paged.reload();
    } catch (e) {
      setNotice({ tone: 'error', text: errorMessage(e) });
    } finally {
      setBusyId(null);
    }
  };

  const remove = async (member: Member) => {
    setBusyId(member.id);
    setNotice(null);
    try {
      await membersApi.remove(member.id);
      setConfirmId(null);
      setNotice({ tone: 'success', text: `${member.fullName} was removed.` });
      paged.afterRemove();
    } catch (e) {
      setNotice({ tone: 'error', text: errorMessage(e) });
    } finally {
      setBusyId(null);
    }
  };

  return (
    <div className="page">
      <PageHeader
        title="Members"
        subtitle={
          <>
            People with access to <strong>{org.name}</strong>
          </>
        }
      >
        {!adding && (
          <button
            type="button"
            className="btn btn--primary"
            onClick={() => {
              setAdding(true);
              setNotice(null);
            }}
          >
            Add member
          </button>
        )}
      </PageHeader>

      {notice && <Alert tone={notice.tone}>{notice.text}</Alert>}

      {adding && (
        <AddMemberForm
          roleOptions={assignable}
          onCancel={() => setAdding(false)}
          onAdded={(m) => {
            setAdding(false);
            setNotice({
              tone: 'success',
              text: `${m.fullName} was added as ${roleLabel(m.role)}.`,
            });
            paged.reload();
          }}
        />
      )}

      <PagedListCard
        label="Member list"
        errorTitle="Could not load members"
        headings={['Member', 'Role', 'Joined']}
        empty="No members on this page."
        skeletonRows={6}
        paged={paged}
        row={(m) => {
          const manageable = canManage(m);
          const busy = busyId !== null && String(busyId) === String(m.id);
          const confirming = confirmId !== null && String(confirmId) === String(m.id);
          return (
            <tr key={String(m.id)}>
              <td>
                <div className="member">
                  <Avatar name={m.fullName || m.email} size={32} />
                  <div className="member__identity">
                    <span className="member__name">
                      {m.fullName}
                      {String(m.id) === String(user.id) && (
                        <span className="badge badge--muted">You</span>
                      )}
                    </span>
                    <span className="member__email">{m.email}</span>
                  </div>
                </div>
              </td>
              <td>
                {manageable ? (
                  <select
                    className="input input--sm"
                    aria-label={`Role of ${m.fullName}`}
                    value={m.role.toLowerCase()}
                    disabled={busy}
                    onChange={(e) => void changeRole(m, e.target.value)}
                  >
                    {assignable.map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))}
                  </select>
                ) : (
                  <span className={`badge badge--role-${m.role.toLowerCase()}`}>
                    {roleLabel(m.role)}
                  </span>
                )}
              </td>
              <td className="muted">{formatDate(m.createdAt)}</td>
              <td className="table__actions">
                {manageable && (
                  <ConfirmAction
                    label="Remove"
                    busyLabel="Removing…"
                    ariaLabel={`Remove ${m.fullName}`}
                    question="Remove?"
                    confirming={confirming}
                    busy={busy}
                    onAsk={() => setConfirmId(m.id)}
                    onConfirm={() => void remove(m)}
                    onCancel={() => setConfirmId(null)}
                  />
                )}
              </td>
            </tr>
          );
        }}
      />
    </div>
  );
}
