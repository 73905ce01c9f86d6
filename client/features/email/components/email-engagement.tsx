import type { EmailDto } from '../../../../src/contracts/email.ts';
import { AlertIcon, BanIcon, CheckIcon, EyeIcon, LinkIcon } from '../../../components/icons.tsx';
import { formatDateTime, formatRelative } from '../../../lib/format.ts';
import { clickCount, emailHeadline } from '../api/email-status.ts';

function When({ iso, now }: { iso: string; now: number }) {
  return (
    <time dateTime={iso} title={formatDateTime(iso)}>
      {formatRelative(iso, now)}
    </time>
  );
}

/** The email's one-word state as a coloured pill. */
export function EmailStatusPill({ email }: { email: EmailDto }) {
  const { label, tone } = emailHeadline(email);
  return (
    <span className={`mail-pill mail-pill-${tone}`} data-testid="email-status">
      {label}
    </span>
  );
}

/**
 * What happened to a sent email: delivered, opened (how often, first and last), which links were
 * clicked and how often, and any bounce, drop, spam report or unsubscribe with its reason.
 */
export function EmailEngagement({ email, now, compact = false }: { email: EmailDto; now: number; compact?: boolean }) {
  const e = email.engagement;
  const clicks = clickCount(email);
  const problems = [
    email.status === 'FAILED' && email.error ? `Not sent: ${email.error}` : null,
    e.bounceReason || email.status === 'BOUNCED' ? `Bounced${e.bounceReason ? `: ${e.bounceReason}` : ''}` : null,
    e.dropReason || email.status === 'DROPPED' ? `Dropped${e.dropReason ? `: ${e.dropReason}` : ''}` : null,
    e.spamReportedAt ? 'Reported as spam' : null,
    e.unsubscribedAt ? 'Unsubscribed' : null,
  ].filter((p): p is string => p !== null);

  return (
    <div className={compact ? 'mail-engagement mail-engagement-compact' : 'mail-engagement'} data-testid="email-engagement">
      <ul className="mail-facts">
        {e.deliveredAt ? (
          <li className="mail-fact" data-testid="email-delivered">
            <CheckIcon />
            <span>
              Delivered <When iso={e.deliveredAt} now={now} />
            </span>
          </li>
        ) : null}
        {e.openCount > 0 && e.firstOpenedAt ? (
          <li className="mail-fact mail-fact-good" data-testid="email-opens">
            <EyeIcon />
            <span>
              Opened {e.openCount === 1 ? 'once' : `${e.openCount} times`} · first <When iso={e.firstOpenedAt} now={now} />
              {e.lastOpenedAt && e.openCount > 1 ? ', last ' : null}
              {e.lastOpenedAt && e.openCount > 1 ? <When iso={e.lastOpenedAt} now={now} /> : null}
            </span>
          </li>
        ) : null}
        {clicks > 0 ? (
          <li className="mail-fact mail-fact-good" data-testid="email-clicks">
            <LinkIcon />
            <span>{`${clicks === 1 ? '1 click' : `${clicks} clicks`} on ${e.clicks.length === 1 ? '1 link' : `${e.clicks.length} links`}`}</span>
          </li>
        ) : null}
        {problems.map((p) => (
          <li key={p} className="mail-fact mail-fact-bad" data-testid="email-problem">
            {p.startsWith('Unsub') ? <BanIcon /> : <AlertIcon />}
            <span>{p}</span>
          </li>
        ))}
      </ul>
      {!compact && e.clicks.length > 0 ? (
        <table className="mail-links" aria-label="Clicked links">
          <thead>
            <tr>
              <th>Link</th>
              <th className="num">Clicks</th>
              <th>Last</th>
            </tr>
          </thead>
          <tbody>
            {e.clicks.map((c) => (
              <tr key={c.url}>
                <td className="cell-truncate mono" title={c.url}>
                  {c.url}
                </td>
                <td className="num">{c.count}</td>
                <td className="cell-muted">
                  <When iso={c.lastAt} now={now} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : compact && e.clicks.length > 0 ? (
        <ul className="mail-link-chips" aria-label="Clicked links">
          {e.clicks.map((c) => (
            <li key={c.url} className="mail-link-chip" title={c.url}>
              <span className="cell-truncate">{c.url.replace(/^https?:\/\//, '')}</span>
              <span className="mail-link-count">×{c.count}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
