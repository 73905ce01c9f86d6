import type { DrillRowDto, TicketDrillMetric } from '../../../src/contracts/dashboard.ts';
import { Prisma } from '../../db/generated/client.ts';
import type { Deps } from '../../deps.ts';
import type { Cohort } from '../analytics/cohort.ts';

/** Which tickets each SLA number counts: the clock state as recorded (see tickets-section.ts). */
const WHERE: Record<TicketDrillMetric, { where: Prisma.Sql; value: Prisma.Sql }> = {
  tickets_created: { where: Prisma.sql`true`, value: Prisma.sql`NULL::float8` },
  tickets_first_response_met: {
    where: Prisma.sql`t."slaClocks"->'firstResponse'->>'state' = 'met'`,
    value: Prisma.sql`extract(epoch FROM t."firstRespondedAt" - t."createdAt") * 1000`,
  },
  tickets_first_response_breached: {
    where: Prisma.sql`t."slaClocks"->'firstResponse'->>'state' = 'breached'`,
    value: Prisma.sql`extract(epoch FROM t."firstRespondedAt" - t."createdAt") * 1000`,
  },
  tickets_resolution_met: {
    where: Prisma.sql`t."slaClocks"->'resolution'->>'state' = 'met'`,
    value: Prisma.sql`extract(epoch FROM t."resolvedAt" - t."createdAt") * 1000`,
  },
  tickets_resolution_breached: {
    where: Prisma.sql`t."slaClocks"->'resolution'->>'state' = 'breached'`,
    value: Prisma.sql`extract(epoch FROM t."resolvedAt" - t."createdAt") * 1000`,
  },
};

const STATUS: Record<string, string> = { NEW: 'New', OPEN: 'Open', PENDING: 'Pending', RESOLVED: 'Resolved', CLOSED: 'Closed' };
const PRIORITY: Record<string, string> = { LOW: 'Low', NORMAL: 'Normal', HIGH: 'High', URGENT: 'Urgent' };

export const isTicketDrill = (metric: string): metric is TicketDrillMetric => metric in WHERE;

/**
 * The tickets behind an SLA number, newest created first, `limit + 1` rows after the cursor (the
 * caller cuts the page). `valueMs` is the wall-clock time to the milestone when it was reached.
 */
export const ticketDrillRows = async (
  deps: Pick<Deps, 'db'>,
  { cohort, metric, after, limit }: { cohort: Cohort; metric: TicketDrillMetric; after: { at: string; id: string } | null; limit: number },
): Promise<DrillRowDto[]> => {
  const { where, value } = WHERE[metric];
  const rows = await deps.db.$queryRaw<Array<{ id: string; number: number; subject: string; status: string; priority: string; createdAt: Date; value_ms: number | null }>>`
    SELECT t.id, t.number, t.subject, t.status, t.priority, t."createdAt", ${value} AS value_ms
    FROM "Ticket" t
    WHERE t."tenantId" = ${cohort.tenantId}::uuid AND t."createdAt" >= ${cohort.from} AND t."createdAt" < ${cohort.to} AND ${where}
      ${after ? Prisma.sql`AND (t."createdAt", t.id) < (${new Date(after.at)}, ${after.id}::uuid)` : Prisma.empty}
    ORDER BY t."createdAt" DESC, t.id DESC
    LIMIT ${limit + 1}`;
  return rows.map((r) => ({
    id: r.id,
    kind: 'ticket',
    title: `#${r.number} ${r.subject}`,
    subtitle: `${PRIORITY[r.priority] ?? r.priority} priority`,
    status: STATUS[r.status] ?? r.status,
    at: r.createdAt.toISOString(),
    valueMs: r.value_ms === null ? null : Math.round(Number(r.value_ms)),
    href: `/tickets/${r.id}`,
  }));
};
