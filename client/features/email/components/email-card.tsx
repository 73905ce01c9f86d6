import { Link } from 'react-router';
import type { EmailDto } from '../../../../src/contracts/email.ts';
import { MailIcon } from '../../../components/icons.tsx';
import { EmailEngagement, EmailStatusPill } from './email-engagement.tsx';

/** An email on a contact's timeline: subject, who sent it, its state and engagement, live. */
export function EmailCard({ email, now }: { email: EmailDto; now: number }) {
  return (
    <div className="mail-card" data-testid="timeline-email" data-email-id={email.id}>
      <div className="mail-card-head">
        <MailIcon className="mail-card-icon" />
        <Link to={`/emails/${email.id}`} className="mail-card-subject cell-truncate">
          {email.subject || '(no subject)'}
        </Link>
        <EmailStatusPill email={email} />
      </div>
      <div className="mail-card-meta">
        {email.sender?.name ?? email.fromName} → <span className="mono">{email.to}</span>
      </div>
      <EmailEngagement email={email} now={now} compact />
    </div>
  );
}
