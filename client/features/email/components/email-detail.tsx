import { Link } from 'react-router';
import type { EmailDto } from '../../../../src/contracts/email.ts';
import { ArrowLeftIcon, MailIcon, RefreshIcon } from '../../../components/icons.tsx';
import { Alert, EmptyState, ErrorState, LoadingState, Spinner } from '../../../components/states.tsx';
import { toUserMessage } from '../../../lib/errors.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { useNow } from '../../../lib/use-now.ts';
import { useEmail } from '../api/use-email.ts';
import { trpc } from '../../../lib/trpc.ts';
import { EmailBodyFrame } from './email-body-frame.tsx';
import { EmailEngagement, EmailStatusPill } from './email-engagement.tsx';

const EVENT_LABELS: Record<string, string> = {
  processed: 'Accepted by SendGrid',
  deferred: 'Deferred',
  delivered: 'Delivered',
  open: 'Opened',
  click: 'Clicked',
  bounce: 'Bounced',
  dropped: 'Dropped',
  spamreport: 'Reported as spam',
  unsubscribe: 'Unsubscribed',
  group_unsubscribe: 'Unsubscribed from group',
  group_resubscribe: 'Resubscribed to group',
};

function EmailHistory({ email }: { email: EmailDto }) {
  if (email.events.length === 0) return null;
  return (
    <section className="mail-history" aria-label="Provider events">
      <h3 className="section-title">History</h3>
      <ol className="mail-history-list">
        {email.events.map((ev) => (
          <li key={ev.id} className="mail-history-item">
            <span className={`mail-history-dot mail-history-${ev.type}`} aria-hidden="true" />
            <span className="mail-history-what">
              {EVENT_LABELS[ev.type] ?? ev.type}
              {ev.url ? <span className="mono cell-truncate"> {ev.url}</span> : null}
              {ev.reason ? <span className="cell-muted"> — {ev.reason}</span> : null}
            </span>
            <time className="feed-time" dateTime={ev.at}>
              {formatDateTime(ev.at)}
            </time>
          </li>
        ))}
      </ol>
    </section>
  );
}

function RetryButton({ emailId }: { emailId: string }) {
  const retry = trpc.email.retry.useMutation();
  return (
    <>
      <button type="button" className="btn btn-secondary btn-sm" onClick={() => retry.mutate({ emailId })} disabled={retry.isPending}>
        {retry.isPending ? <Spinner /> : <RefreshIcon />} Send again
      </button>
      {retry.error ? <Alert tone="error">{toUserMessage(retry.error)}</Alert> : null}
    </>
  );
}

/** One email: who, when, the body as sent, and everything SendGrid told us since, live. */
export function EmailDetail({ emailId, contactHref }: { emailId: string; contactHref: (contactId: string) => string }) {
  const email = useEmail(emailId);
  const now = useNow(30_000);
  if (email.isPending) return <LoadingState label="Opening email…" />;
  if (email.isError) {
    if (email.error.data?.code === 'NOT_FOUND') {
      return (
        <EmptyState title="Email not found" icon={<MailIcon />}>
          It may have been deleted with its contact.
        </EmptyState>
      );
    }
    return <ErrorState message={toUserMessage(email.error)} onRetry={() => void email.refetch()} />;
  }
  const e = email.data;
  return (
    <article className="panel mail-detail" aria-label={`Email: ${e.subject}`} data-testid="email-detail">
      <header className="mail-detail-head">
        <Link to={contactHref(e.contactId)} className="btn btn-ghost btn-sm">
          <ArrowLeftIcon /> Contact
        </Link>
        <div className="mail-detail-title">
          <h1 className="mail-detail-subject">{e.subject}</h1>
          <EmailStatusPill email={e} />
        </div>
        <dl className="mail-detail-meta">
          <dt>From</dt>
          <dd>
            {e.fromName} <span className="mono">&lt;{e.fromAddress}&gt;</span>
          </dd>
          <dt>To</dt>
          <dd className="mono">{e.to}</dd>
          <dt>{e.sentAt ? 'Sent' : 'Created'}</dt>
          <dd>{formatDateTime(e.sentAt ?? e.createdAt)}</dd>
        </dl>
      </header>
      {e.status === 'FAILED' ? (
        <div className="mail-detail-failed">
          <Alert tone="error">Not sent{e.error ? `: ${e.error}` : ''}.</Alert>
          <RetryButton emailId={e.id} />
        </div>
      ) : null}
      <EmailEngagement email={e} now={now} />
      <EmailBodyFrame html={e.html} title={`Body of ${e.subject}`} />
      <EmailHistory email={e} />
    </article>
  );
}
