import type { EmailAnalyticsDto } from '../../../src/contracts/dashboard.ts';
import { rate } from '../../../src/domain/metrics/aggregate.ts';
import { funnelRates } from '../../../src/domain/metrics/email-funnel.ts';
import { Prisma } from '../../db/generated/client.ts';
import type { Deps } from '../../deps.ts';
import { analyticsQuery, type Cohort } from './cohort.ts';

/**
 * The range's emails with their funnel flags — the SQL form of emailOutcome() in
 * src/domain/metrics/email-funnel.ts: sent in the range and not a dev-outbox email; a click
 * proves the open, an open proves delivery. An index range on (tenantId, sentAt).
 */
export const emailCohortCte = (c: Pick<Cohort, 'tenantId' | 'from' | 'to'>) => Prisma.sql`
  em_raw AS (
    SELECT e.id, e."sentAt" AS at, e."senderUserId" AS uid, e."fromName" AS from_name, e.status,
      jsonb_array_length(e.clicks) > 0 AS clicked, e."firstOpenedAt" IS NOT NULL AS open_seen, e."deliveredAt" IS NOT NULL AS delivery_seen,
      e."spamReportedAt" IS NOT NULL AS spam, e."unsubscribedAt" IS NOT NULL AS unsubscribed
    FROM "Email" e
    WHERE e."tenantId" = ${c.tenantId}::uuid AND e."sentAt" >= ${c.from} AND e."sentAt" < ${c.to} AND NOT e.outbox
  ),
  em AS (
    SELECT id, at, uid, from_name, clicked, spam, unsubscribed,
      clicked OR open_seen AS opened,
      clicked OR open_seen OR delivery_seen AS delivered,
      status = 'BOUNCED' AS bounced, status = 'DROPPED' AS dropped
    FROM em_raw
  )`;

const num = (v: unknown) => Number(v ?? 0);

/** The funnel and the per-sender table in one statement (the total is the empty grouping set). */
export const emailSection = async (deps: Deps, c: Cohort): Promise<EmailAnalyticsDto> => {
  const rows = await analyticsQuery<Record<string, unknown> & { uid: string | null; total: number; name: string | null }>(deps, Prisma.sql`
    WITH ${emailCohortCte(c)},
    g AS (
      SELECT uid, grouping(uid) AS total, max(from_name) AS from_name, count(*) AS sent,
        count(*) FILTER (WHERE delivered) AS delivered, count(*) FILTER (WHERE opened) AS opened,
        count(*) FILTER (WHERE clicked) AS clicked, count(*) FILTER (WHERE bounced) AS bounced,
        count(*) FILTER (WHERE dropped) AS dropped, count(*) FILTER (WHERE spam) AS spam,
        count(*) FILTER (WHERE unsubscribed) AS unsubscribed
      FROM em GROUP BY GROUPING SETS ((uid), ())
    )
    SELECT g.*, COALESCE(u.name, g.from_name) AS name
    FROM g LEFT JOIN "User" u ON u.id = g.uid AND u."tenantId" = ${c.tenantId}::uuid
    ORDER BY g.sent DESC, g.uid NULLS LAST`);
  const total = rows.find((r) => Number(r.total) === 1);
  const counts = {
    sent: num(total?.sent),
    delivered: num(total?.delivered),
    opened: num(total?.opened),
    clicked: num(total?.clicked),
    bounced: num(total?.bounced),
    dropped: num(total?.dropped),
    spam: num(total?.spam),
    unsubscribed: num(total?.unsubscribed),
  };
  return {
    funnel: { ...counts, ...funnelRates(counts) },
    senders: rows
      .filter((r) => Number(r.total) === 0)
      .map((r) => {
        const [sent, delivered, opened, clicked, bounced] = [num(r.sent), num(r.delivered), num(r.opened), num(r.clicked), num(r.bounced)];
        return {
          senderUserId: r.uid,
          name: r.name || 'Former member',
          sent,
          delivered,
          opened,
          clicked,
          bounced,
          deliveredRate: rate(delivered, sent),
          openRate: rate(opened, delivered),
          clickRate: rate(clicked, delivered),
          bounceRate: rate(bounced, sent),
        };
      }),
  };
};
