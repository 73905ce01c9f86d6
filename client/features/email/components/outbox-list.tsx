import { Link } from 'react-router';
import { OutboxIcon } from '../../../components/icons.tsx';
import { EmptyState, ErrorState, SkeletonRows, Spinner } from '../../../components/states.tsx';
import { toUserMessage } from '../../../lib/errors.ts';
import { formatDateTime, formatShortTime } from '../../../lib/format.ts';
import { useNow } from '../../../lib/use-now.ts';
import { useOutbox } from '../api/use-outbox.ts';
import { EmailStatusPill } from './email-engagement.tsx';

/** Every email the dev outbox caught, newest first; each opens its full view. */
export function OutboxList() {
  const outbox = useOutbox();
  const now = useNow(60_000);
  if (outbox.isPending) return <SkeletonRows rows={4} />;
  if (outbox.isError) return <ErrorState message={toUserMessage(outbox.error)} onRetry={() => void outbox.refetch()} />;
  const emails = outbox.data.pages.flatMap((p) => p.items);
  const total = outbox.data.pages[0]?.total ?? emails.length;
  if (emails.length === 0) {
    return (
      <EmptyState title="The outbox is empty" icon={<OutboxIcon />}>
        Emails sent while no SendGrid key is set land here instead of in anyone’s inbox.
      </EmptyState>
    );
  }
  return (
    <>
      <ul className="outbox-list" aria-label={`Outbox, ${total} emails`}>
        {emails.map((e) => (
          <li key={e.id}>
            <Link to={`/emails/${e.id}`} className="outbox-row" data-testid="outbox-email">
              <span className="outbox-to mono cell-truncate">{e.to}</span>
              <span className="outbox-subject cell-truncate">
                <strong>{e.subject}</strong>
                <span className="outbox-preview"> — {e.text.slice(0, 140)}</span>
              </span>
              <EmailStatusPill email={e} />
              <time className="outbox-time" dateTime={e.createdAt} title={formatDateTime(e.createdAt)}>
                {formatShortTime(e.sentAt ?? e.createdAt, now)}
              </time>
            </Link>
          </li>
        ))}
      </ul>
      {outbox.hasNextPage ? (
        <div className="list-more">
          <button type="button" className="btn btn-secondary btn-sm" onClick={() => void outbox.fetchNextPage()} disabled={outbox.isFetchingNextPage}>
            {outbox.isFetchingNextPage ? <Spinner /> : null} Load more
          </button>
        </div>
      ) : null}
    </>
  );
}
