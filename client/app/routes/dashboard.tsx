import { useOutletContext } from 'react-router';
import type { MeDto } from '../../../src/contracts/dto.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { hasRole } from '../../../src/domain/roles.ts';
import { LiveDashboard } from '../../features/dashboard/components/live-dashboard.tsx';
import { NotAllowed } from '../../features/dashboard/components/not-allowed.tsx';

export function DashboardRoute() {
  const me = useOutletContext<MeDto>();
  return (
    <div className="page page-wide">
      <PageHeader title="Live operations" description="Conversations, the queue and your team right now. Numbers move the moment something happens." />
      {hasRole(me.user.role, 'SUPERVISOR') ? <LiveDashboard /> : <NotAllowed what="Live operations" />}
    </div>
  );
}
