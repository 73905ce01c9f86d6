import { useEffect, useRef, useState } from 'react';
import type { MemberDto } from '../../../../src/contracts/dto.ts';
import { ROLES, type Role } from '../../../../src/domain/roles.ts';
import { Avatar } from '../../../components/avatar.tsx';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { Panel } from '../../../components/panel.tsx';
import { RoleBadge } from '../../../components/role-badge.tsx';
import { Alert, ErrorState, SkeletonRows } from '../../../components/states.tsx';
import { toUserMessage } from '../../../lib/errors.ts';
import { ROLE_LABELS } from '../../../lib/format.ts';
import { useChangeRole } from '../api/use-change-role.ts';
import { useDeactivateMember } from '../api/use-deactivate-member.ts';
import { useMembers } from '../api/use-members.ts';

/** True for a moment after `value` changes (not on first render): a live update gets noticed. */
const useFlashOnChange = (value: string): boolean => {
  const first = useRef(value);
  const [flash, setFlash] = useState(false);
  useEffect(() => {
    if (value === first.current) return;
    first.current = value;
    setFlash(true);
    const timer = setTimeout(() => setFlash(false), 1600);
    return () => clearTimeout(timer);
  }, [value]);
  return flash;
};

function StatusBadge({ status }: { status: MemberDto['status'] }) {
  return status === 'ACTIVE' ? (
    <span className="status status-active">Active</span>
  ) : (
    <span className="status status-inactive">Deactivated</span>
  );
}

function MemberRow({
  member,
  isYou,
  canManage,
  rolePending,
  onChangeRole,
  onDeactivate,
}: {
  member: MemberDto;
  isYou: boolean;
  canManage: boolean;
  rolePending: boolean;
  onChangeRole: (role: Role) => void;
  onDeactivate: () => void;
}) {
  const active = member.status === 'ACTIVE';
  const flash = useFlashOnChange(`${member.role}:${member.status}`);
  return (
    <tr className={`${active ? '' : 'row-muted'} ${flash ? 'row-flash' : ''}`} data-member-id={member.id}>
      <td>
        <div className="member-cell">
          <Avatar name={member.name} seed={member.id} />
          <span className="member-name">{member.name}</span>
          {isYou ? <span className="chip">You</span> : null}
        </div>
      </td>
      <td className="cell-muted cell-truncate" title={member.email}>
        {member.email}
      </td>
      <td className={member.title ? 'cell-truncate' : 'cell-subtle'}>{member.title || '—'}</td>
      <td>
        {canManage && active ? (
          <select
            className="input select select-compact"
            aria-label={`Role for ${member.name}`}
            value={member.role}
            disabled={rolePending}
            onChange={(e) => onChangeRole(e.target.value as Role)}
          >
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABELS[role]}
              </option>
            ))}
          </select>
        ) : (
          <RoleBadge role={member.role} />
        )}
      </td>
      <td>
        <StatusBadge status={member.status} />
      </td>
      {canManage ? (
        <td className="cell-actions">
          {active && !isYou ? (
            <button type="button" className="btn btn-ghost btn-sm btn-ghost-danger" aria-label={`Deactivate ${member.name}`} onClick={onDeactivate}>
              Deactivate
            </button>
          ) : null}
        </td>
      ) : null}
    </tr>
  );
}

export function MembersPanel({ currentUserId, canManage }: { currentUserId: string; canManage: boolean }) {
  const members = useMembers();
  const changeRole = useChangeRole();
  const deactivate = useDeactivateMember();
  const [confirming, setConfirming] = useState<MemberDto | null>(null);
  const [notice, setNotice] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);

  const list = members.data ?? [];
  const activeCount = list.filter((m) => m.status === 'ACTIVE').length;

  const onChangeRole = (member: MemberDto, role: Role) => {
    setNotice(null);
    changeRole.mutate(
      { userId: member.id, role },
      {
        onSuccess: (updated) => setNotice({ tone: 'success', text: `${updated.name} is now ${ROLE_LABELS[updated.role].toLowerCase()}.` }),
        onError: (err) => setNotice({ tone: 'error', text: `Couldn’t change ${member.name}’s role. ${toUserMessage(err)}` }),
      },
    );
  };

  const onConfirmDeactivate = () => {
    if (!confirming) return;
    deactivate.mutate(
      { userId: confirming.id },
      {
        onSuccess: (updated) => {
          setConfirming(null);
          setNotice({ tone: 'success', text: `${updated.name} was deactivated and signed out.` });
        },
      },
    );
  };

  return (
    <Panel
      title="Members"
      description={
        members.data
          ? `${activeCount} active ${activeCount === 1 ? 'member' : 'members'}${canManage ? '' : ' · Only admins can change roles'}`
          : 'Everyone in this workspace'
      }
      flush
    >
      {notice ? (
        <div className="panel-notice">
          <Alert tone={notice.tone}>{notice.text}</Alert>
        </div>
      ) : null}
      {members.isPending ? (
        <SkeletonRows rows={3} />
      ) : members.isError ? (
        <ErrorState message={toUserMessage(members.error)} onRetry={() => void members.refetch()} />
      ) : (
        <div className="table-scroll">
          <table className="table">
            <caption className="sr-only">Workspace members</caption>
            <colgroup>
              <col className="col-name" />
              <col className="col-email" />
              <col className="col-title" />
              <col className="col-role" />
              <col className="col-status" />
              {canManage ? <col className="col-actions" /> : null}
            </colgroup>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Title</th>
                <th scope="col">Role</th>
                <th scope="col">Status</th>
                {canManage ? (
                  <th scope="col">
                    <span className="sr-only">Actions</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {list.map((member) => (
                <MemberRow
                  key={member.id}
                  member={member}
                  isYou={member.id === currentUserId}
                  canManage={canManage}
                  rolePending={changeRole.isPending && changeRole.variables?.userId === member.id}
                  onChangeRole={(role) => onChangeRole(member, role)}
                  onDeactivate={() => {
                    deactivate.reset();
                    setConfirming(member);
                  }}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ConfirmDialog
        open={confirming !== null}
        title={`Deactivate ${confirming?.name ?? 'member'}?`}
        confirmLabel="Deactivate"
        pending={deactivate.isPending}
        error={deactivate.error ? toUserMessage(deactivate.error) : null}
        onCancel={() => setConfirming(null)}
        onConfirm={onConfirmDeactivate}
      >
        They are signed out everywhere at once and can no longer sign in. Their name stays on past work.
      </ConfirmDialog>
    </Panel>
  );
}
