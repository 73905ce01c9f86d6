import type { ReactNode } from 'react';
import { useOutletContext } from 'react-router';
import type { MeDto } from '../../../src/contracts/dto.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { RoleBadge } from '../../components/role-badge.tsx';
import { ActivityFeed } from '../../features/activity/components/activity-feed.tsx';
import { useInvites } from '../../features/team/api/use-invites.ts';
import { useMembers } from '../../features/team/api/use-members.ts';
import { firstName, formatDate, ROLE_DESCRIPTIONS } from '../../lib/format.ts';

function Stat({ label, value, detail }: { label: string; value: ReactNode; detail?: ReactNode }) {
  return (
    <div className="stat">
      <div className="stat-label">{label}</div>
      <div className="stat-value">{value}</div>
      {detail ? <div className="stat-detail">{detail}</div> : null}
    </div>
  );
}

export function OverviewRoute() {
  const me = useOutletContext<MeDto>();
  const isAdmin = me.user.role === 'ADMIN';
  const members = useMembers();
  const invites = useInvites({ enabled: isAdmin });
  const activeMembers = members.data?.filter((m) => m.status === 'ACTIVE').length;

  return (
    <div className="page">
      <PageHeader title="Overview" description={`Welcome, ${firstName(me.user.name)}. Here’s what’s happening in ${me.workspace.name}.`} />
      <section className="stats" aria-label="Workspace at a glance">
        <Stat label="Workspace" value={me.workspace.name} detail={`You joined ${formatDate(me.user.createdAt)}`} />
        <Stat
          label="Your role"
          value={
            <span data-testid="my-role">
              <RoleBadge role={me.user.role} />
            </span>
          }
          detail={ROLE_DESCRIPTIONS[me.user.role]}
        />
        <Stat
          label="Active members"
          value={activeMembers ?? <span className="skeleton skeleton-inline" />}
          detail={
            isAdmin
              ? invites.data
                ? `${invites.data.length} pending ${invites.data.length === 1 ? 'invite' : 'invites'}`
                : '\u00a0'
              : 'In this workspace'
          }
        />
      </section>
      <ActivityFeed />
    </div>
  );
}
