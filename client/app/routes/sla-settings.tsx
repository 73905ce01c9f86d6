import { useOutletContext } from 'react-router';
import type { MeDto } from '../../../src/contracts/dto.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { Alert } from '../../components/states.tsx';
import { BusinessHoursForm } from '../../features/ticket/components/business-hours-form.tsx';
import { SlaPoliciesForm } from '../../features/ticket/components/sla-policies-form.tsx';

export function SlaSettingsRoute() {
  const me = useOutletContext<MeDto>();
  const canEdit = me.user.role !== 'AGENT';
  return (
    <div className="page">
      <PageHeader
        title="SLA"
        description="Response and resolution targets per priority, measured in business hours. Tickets show their due times; at-risk (80 %) and breached tickets are flagged the moment it happens."
      />
      {!canEdit ? <Alert tone="info">Only supervisors and admins can change SLA targets and business hours.</Alert> : null}
      <SlaPoliciesForm canEdit={canEdit} />
      <BusinessHoursForm canEdit={canEdit} />
    </div>
  );
}
