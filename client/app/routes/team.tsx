import { useOutletContext } from 'react-router';
import type { MeDto } from '../../../src/contracts/dto.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { InviteForm } from '../../features/team/components/invite-form.tsx';
import { InvitesPanel } from '../../features/team/components/invites-panel.tsx';
import { MembersPanel } from '../../features/team/components/members-panel.tsx';

export function TeamRoute() {
  const me = useOutletContext<MeDto>();
  const isAdmin = me.user.role === 'ADMIN';
  return (
    <div className="page">
      <PageHeader
        title="Team"
        description={isAdmin ? 'Invite teammates, set their roles and manage access.' : 'Everyone in your workspace. Ask an admin to invite people or change roles.'}
      />
      {isAdmin ? (
        <div className="grid-2">
          <InviteForm />
          <InvitesPanel />
        </div>
      ) : null}
      <MembersPanel currentUserId={me.user.id} canManage={isAdmin} />
    </div>
  );
}
