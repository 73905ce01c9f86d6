import { MailIcon } from '../../../components/icons.tsx';
import { Panel } from '../../../components/panel.tsx';
import { RoleBadge } from '../../../components/role-badge.tsx';
import { Alert, EmptyState, ErrorState, SkeletonRows, Spinner } from '../../../components/states.tsx';
import { toUserMessage } from '../../../lib/errors.ts';
import { formatDateTime, formatRelative } from '../../../lib/format.ts';
import { useInvites } from '../api/use-invites.ts';
import { useRevokeInvite } from '../api/use-revoke-invite.ts';

/** Invites not yet accepted, for admins. */
export function InvitesPanel() {
  const invites = useInvites({ enabled: true });
  const revoke = useRevokeInvite();
  const count = invites.data?.length ?? 0;

  return (
    <Panel title="Pending invites" description={invites.data ? (count === 0 ? 'None waiting' : `${count} waiting to be accepted`) : 'Links not yet used'} flush>
      {revoke.error ? (
        <div className="panel-notice">
          <Alert tone="error">{toUserMessage(revoke.error)}</Alert>
        </div>
      ) : null}
      {invites.isPending ? (
        <SkeletonRows rows={2} />
      ) : invites.isError ? (
        <ErrorState message={toUserMessage(invites.error)} onRetry={() => void invites.refetch()} />
      ) : count === 0 ? (
        <EmptyState title="No pending invites" icon={<MailIcon />}>
          Invite links you create appear here until they are used.
        </EmptyState>
      ) : (
        <ul className="list" aria-label="Pending invites">
          {invites.data.map((invite) => {
            const revoking = revoke.isPending && revoke.variables?.inviteId === invite.id;
            return (
              <li key={invite.id} className="list-row">
                <span className="list-icon">
                  <MailIcon />
                </span>
                <div className="list-main">
                  <div className="list-title">
                    <span className="cell-truncate">{invite.email}</span>
                    <RoleBadge role={invite.role} />
                  </div>
                  <div className="list-meta">
                    Invited by {invite.invitedByName} ·{' '}
                    <time dateTime={invite.expiresAt} title={formatDateTime(invite.expiresAt)}>
                      expires {formatRelative(invite.expiresAt)}
                    </time>
                  </div>
                </div>
                <button
                  type="button"
                  className="btn btn-secondary btn-sm"
                  aria-label={`Revoke invite for ${invite.email}`}
                  disabled={revoking}
                  onClick={() => revoke.mutate({ inviteId: invite.id })}
                >
                  {revoking ? <Spinner /> : null}
                  Revoke
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </Panel>
  );
}
