import type { DrillRowDto, EmailDrillMetric } from '../../../src/contracts/dashboard.ts';
import { Prisma } from '../../db/generated/client.ts';
import type { Deps } from '../../deps.ts';
import { analyticsQuery, type Cohort } from '../analytics/cohort.ts';
import { emailCohortCte } from '../analytics/email-section.ts';

/** Which funnel flag each email metric lists (the same `em` flags the figures count). */
const FLAG: Record<EmailDrillMetric, Prisma.Sql> = {
  email_sent: Prisma.sql`true`,
  email_delivered: Prisma.sql`delivered`,
  email_opened: Prisma.sql`opened`,
  email_clicked: Prisma.sql`clicked`,
  email_bounced: Prisma.sql`bounced`,
  email_dropped: Prisma.sql`dropped`,
  email_spam: Prisma.sql`spam`,
  email_unsubscribed: Prisma.sql`unsubscribed`,
};

const STATUS_LABEL: Record<string, string> = {
  QUEUED: 'Queued', SENT: 'Sent', PROCESSED: 'Processed', DEFERRED: 'Deferred', DELIVERED: 'Delivered', BOUNCED: 'Bounced', DROPPED: 'Dropped', FAILED: 'Failed',
};

export const isEmailDrill = (metric: string): metric is EmailDrillMetric => metric in FLAG;

/**
 * The emails behind a funnel number, newest sent first, `limit + 1` rows after the cursor (the
 * caller cuts the page). `at` is the sending time, the page order.
 */
export const emailDrillRows = async (
  deps: Deps,
  { cohort, metric, userId, after, limit }: { cohort: Cohort; metric: EmailDrillMetric; userId?: string; after: { at: string; id: string } | null; limit: number },
): Promise<DrillRowDto[]> => {
  const rows = await analyticsQuery<{ id: string; at: Date; subject: string; to: string; status: string; name: string | null }>(deps, Prisma.sql`
    WITH ${emailCohortCte(cohort)},
    page AS MATERIALIZED (
      SELECT id, at FROM em WHERE ${FLAG[metric]}
        ${userId ? Prisma.sql`AND uid = ${userId}::uuid` : Prisma.empty}
        ${after ? Prisma.sql`AND (at, id) < (${new Date(after.at)}, ${after.id}::uuid)` : Prisma.empty}
      ORDER BY at DESC, id DESC LIMIT ${limit + 1}
    )
    SELECT e.id, page.at, e.subject, e."to", e.status, ct.name
    FROM page
    JOIN "Email" e ON e.id = page.id AND e."tenantId" = ${cohort.tenantId}::uuid
    LEFT JOIN "Contact" ct ON ct.id = e."contactId" AND ct."tenantId" = ${cohort.tenantId}::uuid
    ORDER BY page.at DESC, page.id DESC`);
  return rows.map((r) => ({
    id: r.id,
    kind: 'email',
    title: r.name || r.to,
    subtitle: r.subject,
    status: STATUS_LABEL[r.status] ?? r.status,
    at: r.at.toISOString(),
    valueMs: null,
    href: `/emails/${r.id}`,
  }));
};
