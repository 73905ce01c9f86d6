import { Link } from 'react-router';
import type { EmailDto } from '../../../../src/contracts/email.ts';
import { Alert } from '../../../components/states.tsx';
import { useEmail } from '../api/use-email.ts';

/**
 * "Sent" after the composer closes, following the email as its send job runs: sending, on its
 * way, kept in the dev outbox, or not sent (with why).
 */
export function EmailSentNotice({ email: initial, suffix }: { email: EmailDto; suffix?: string }) {
  const { data } = useEmail(initial.id);
  const email = data ?? initial;
  const link = <Link to={`/emails/${email.id}`}>Open it</Link>;
  if (email.status === 'FAILED') {
    return (
      <Alert tone="error">
        <span data-testid="email-sent-notice">
          Not sent to {email.to}
          {email.error ? `: ${email.error}` : ''}. {link}
        </span>
      </Alert>
    );
  }
  const text =
    email.status === 'QUEUED'
      ? `Sending to ${email.to}…`
      : email.outbox
        ? 'Email kept in the dev outbox (no SendGrid key)'
        : `Email on its way to ${email.to}`;
  return (
    <Alert tone={email.status === 'QUEUED' ? 'info' : 'success'}>
      <span data-testid="email-sent-notice">
        {text}
        {suffix ?? ''}. {link}
      </span>
    </Alert>
  );
}
