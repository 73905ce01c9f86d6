import { Prisma } from '../../db/generated/client.ts';
import type { Deps } from '../../deps.ts';

/**
 * Runs one analytics statement with room to sort and hash in memory (the default 4 MB spills a
 * 90-day median to disk), inside a read-only transaction so the setting ends with it.
 */
export const analyticsQuery = <T>(deps: Pick<Deps, 'db'>, sql: Prisma.Sql): Promise<T[]> =>
  deps.db.$transaction(async (tx) => {
    await tx.$executeRaw`SET LOCAL work_mem = '64MB'`;
    return tx.$queryRaw<T[]>(sql);
  }, { timeout: 60_000 });

/**
 * The analytics cohort: conversations created in the range, read from their ConversationStats rows
 * (one per conversation, written by the conversation-stats job with the pure formulas of
 * src/domain/metrics/; see server/dashboard/stats/). Tenant first, so the scan is an index range
 * on tenantId + createdAt and never touches messages. The figures lag the events by the job's
 * debounce; the live panel reads the source rows and does not.
 */
export type Cohort = { tenantId: string; from: Date; to: Date; now: Date };

/**
 * `per`: one row per cohort conversation with every stored column, `id`, `c_at` (its creation)
 * and `tail_ms`, the running span of an open conversation's current owner at `now`
 * (ownerTimeAt() in src/domain/metrics/conversation-stats.ts). Never materialized: each use is its
 * own scan reading only the columns it needs, cheaper than one copy of every (array) column.
 * Arrays are unnested in the select list (a ProjectSet), about twice as fast here as a lateral
 * unnest() joined per row.
 */
export const statsCte = ({ tenantId, from, to, now }: Cohort) => Prisma.sql`
  per AS NOT MATERIALIZED (
    SELECT s.*, s."conversationId" AS id, s."createdAt" AS c_at,
      CASE WHEN s."resolvedAt" IS NULL THEN GREATEST(0, extract(epoch FROM ${now} - s."ownerSince") * 1000) ELSE 0 END AS tail_ms
    FROM "ConversationStats" s
    WHERE s."tenantId" = ${tenantId}::uuid AND s."createdAt" >= ${from} AND s."createdAt" < ${to}
  )`;

/**
 * A lower bound for rows that belong to cohort entities created from `from` on (a lead's stage
 * changes cannot predate the lead): it lets a scan use the (tenantId, createdAt) index, with a
 * day of slack for rows stamped a little before their parent.
 */
export const lookback = (from: Date) => new Date(from.getTime() - 86_400_000);
