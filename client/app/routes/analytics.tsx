import { useOutletContext } from 'react-router';
import type { MeDto } from '../../../src/contracts/dto.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { hasRole } from '../../../src/domain/roles.ts';
import { AnalyticsView } from '../../features/dashboard/components/analytics-view.tsx';
import { NotAllowed } from '../../features/dashboard/components/not-allowed.tsx';

export function AnalyticsRoute() {
  const me = useOutletContext<MeDto>();
  return (
    <div className="page page-wide">
      <PageHeader title="Analytics" description="How the AI and your team handled conversations. Click any number for the conversations behind it." />
      {hasRole(me.user.role, 'SUPERVISOR') ? <AnalyticsView /> : <NotAllowed what="Analytics" />}
    </div>
  );
}
