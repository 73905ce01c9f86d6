import { rate } from './aggregate.ts';

/** What the analytics need of one email: the columns the engagement fold maintains (foldEngagement). */
export type EmailFact = {
  id: string;
  senderUserId: string | null;
  /** When SendGrid accepted it; null while queued or after a failed API call. */
  sentAt: number | null;
  /** Went to the dev outbox (no SendGrid key): it never reached anyone, so it is not "sent". */
  outbox: boolean;
  status: 'QUEUED' | 'SENT' | 'PROCESSED' | 'DEFERRED' | 'DELIVERED' | 'BOUNCED' | 'DROPPED' | 'FAILED';
  deliveredAt: number | null;
  firstOpenedAt: number | null;
  /** Links clicked (distinct URLs); 0 when none. */
  clickedLinks: number;
  spamReportedAt: number | null;
  unsubscribedAt: number | null;
};

/**
 * One email's place in the funnel. Each step is a subset of the one before, so step rates stay
 * within [0, 1]:
 * - sent: SendGrid accepted it (sentAt) and it was not a dev-outbox email;
 * - delivered: delivery was proven (deliveredAt: a `delivered` event, or an open/click/spam report
 *   before it) — kept when an asynchronous bounce later turned the status to BOUNCED;
 * - opened: an open, or a click (a click proves the open that image blocking hid);
 * - clicked: at least one link clicked.
 * Bounced and dropped are the final status; spam and unsubscribe are their own counts.
 */
export const emailOutcome = (e: EmailFact) => {
  const sent = e.sentAt !== null && !e.outbox;
  const clicked = sent && e.clickedLinks > 0;
  const opened = sent && (e.firstOpenedAt !== null || clicked);
  const delivered = sent && (e.deliveredAt !== null || opened);
  return {
    sent,
    delivered,
    opened,
    clicked,
    bounced: sent && e.status === 'BOUNCED',
    dropped: sent && e.status === 'DROPPED',
    spam: sent && e.spamReportedAt !== null,
    unsubscribed: sent && e.unsubscribedAt !== null,
  };
};
export type EmailOutcome = ReturnType<typeof emailOutcome>;
export type EmailStep = keyof EmailOutcome;

/** The emails of a range: sent (accepted by SendGrid) at or after `from` and before `to`. */
export const inRange = (e: EmailFact, from: number, to: number) => e.sentAt !== null && e.sentAt >= from && e.sentAt < to;

export type EmailCounts = Record<EmailStep, number>;

const countAll = (emails: EmailFact[]): EmailCounts => {
  const counts: EmailCounts = { sent: 0, delivered: 0, opened: 0, clicked: 0, bounced: 0, dropped: 0, spam: 0, unsubscribed: 0 };
  for (const e of emails) {
    const o = emailOutcome(e);
    for (const k of Object.keys(counts) as EmailStep[]) if (o[k]) counts[k] += 1;
  }
  return counts;
};

/**
 * Step rates of the funnel (each over the step before: delivered/sent, opened/delivered,
 * clicked/opened) and the bounce rate (bounced/sent). Null when the denominator is zero.
 */
export const funnelRates = (c: EmailCounts) => ({
  deliveredRate: rate(c.delivered, c.sent),
  openRate: rate(c.opened, c.delivered),
  clickRate: rate(c.clicked, c.opened),
  bounceRate: rate(c.bounced, c.sent),
});

export type EmailFunnel = EmailCounts & ReturnType<typeof funnelRates>;

export const emailFunnel = (emails: EmailFact[], from: number, to: number): EmailFunnel => {
  const counts = countAll(emails.filter((e) => inRange(e, from, to)));
  return { ...counts, ...funnelRates(counts) };
};

export type SenderRow = {
  senderUserId: string | null;
  sent: number;
  delivered: number;
  opened: number;
  clicked: number;
  bounced: number;
  /** delivered/sent */
  deliveredRate: number | null;
  /** opened/delivered */
  openRate: number | null;
  /** clicked/delivered (click-through, comparable across senders) */
  clickRate: number | null;
  /** bounced/sent */
  bounceRate: number | null;
};

/** Per sending teammate (null: a sender since removed), most sent first, then by id (null last). */
export const emailsBySender = (emails: EmailFact[], from: number, to: number): SenderRow[] => {
  const groups = new Map<string | null, EmailFact[]>();
  for (const e of emails) {
    if (!inRange(e, from, to) || e.outbox) continue;
    groups.set(e.senderUserId, [...(groups.get(e.senderUserId) ?? []), e]);
  }
  return [...groups.entries()]
    .map(([senderUserId, list]) => {
      const c = countAll(list);
      return {
        senderUserId,
        sent: c.sent,
        delivered: c.delivered,
        opened: c.opened,
        clicked: c.clicked,
        bounced: c.bounced,
        deliveredRate: rate(c.delivered, c.sent),
        openRate: rate(c.opened, c.delivered),
        clickRate: rate(c.clicked, c.delivered),
        bounceRate: rate(c.bounced, c.sent),
      };
    })
    .sort((a, b) => b.sent - a.sent || Number(a.senderUserId === null) - Number(b.senderUserId === null) || (a.senderUserId ?? '').localeCompare(b.senderUserId ?? ''));
};
