import { useOutletContext } from 'react-router';
import type { MeDto } from '../../../src/contracts/dto.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { WebFormsManager } from '../../features/contact/components/web-forms.tsx';
import { CadenceEditor } from '../../features/task/components/cadence-editor.tsx';

export function FollowUpSettingsRoute() {
  const me = useOutletContext<MeDto>();
  return (
    <div className="page page-narrow">
      <PageHeader title="Leads & follow-ups" description="Where leads come from and the follow-up tasks each new lead gets." />
      <CadenceEditor canManage={me.user.role !== 'AGENT'} />
      <WebFormsManager canManage={me.user.role === 'ADMIN'} />
    </div>
  );
}
