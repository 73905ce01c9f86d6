import { useParams } from 'react-router';
import { MailIcon } from '../../components/icons.tsx';
import { EmptyState } from '../../components/states.tsx';
import { EmailDetail } from '../../features/email/components/email-detail.tsx';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function EmailRoute() {
  const { emailId = '' } = useParams();
  return (
    <div className="page page-narrow">
      <title>Email · Switchboard</title>
      {UUID.test(emailId) ? (
        <EmailDetail key={emailId} emailId={emailId} contactHref={(id) => `/contacts/${id}`} />
      ) : (
        <EmptyState title="Email not found" icon={<MailIcon />}>
          This link doesn’t point to an email.
        </EmptyState>
      )}
    </div>
  );
}
