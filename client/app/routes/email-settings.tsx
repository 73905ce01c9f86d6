import { useOutletContext } from 'react-router';
import type { MeDto } from '../../../src/contracts/dto.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { Alert } from '../../components/states.tsx';
import { EmailSettingsPanel } from '../../features/email/components/email-settings-form.tsx';

export function EmailSettingsRoute() {
  const me = useOutletContext<MeDto>();
  const isAdmin = me.user.role === 'ADMIN';
  return (
    <div className="page page-narrow">
      <PageHeader title="Email" description="How follow-up emails are sent, and where SendGrid reports deliveries, opens and clicks." />
      {!isAdmin ? <Alert tone="info">Only admins can change email settings.</Alert> : null}
      <EmailSettingsPanel canManage={isAdmin} />
    </div>
  );
}
