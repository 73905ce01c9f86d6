import type { AnalyticsDto } from '../../../src/contracts/dashboard.ts';
import { rate } from '../../../src/domain/metrics/aggregate.ts';
import type { Deps } from '../../deps.ts';
import { analyticsQuery, statsCte, type Cohort } from './cohort.ts';
import { Prisma } from '../../db/generated/client.ts';

/**
 * One row per AI persona (definitions: perPersona in src/domain/metrics/aggregate.ts). Its rating
 * counts the verdicts agents gave within the range on that persona's messages.
 */
export const personasSection = async (deps: Pick<Deps, 'db'>, c: Cohort): Promise<AnalyticsDto['personas']> => {
  const rows = await analyticsQuery<{ pid: string; name: string | null; conversations: bigint; taken: bigint; replies: bigint; helpful: bigint; not_helpful: bigint }>(deps, Prisma.sql`
    WITH ${statsCte(c)},
    stats AS (
      SELECT pid, count(*) AS conversations, count(*) FILTER (WHERE taken) AS taken, sum(n) AS replies
      FROM (SELECT unnest("personaIds") AS pid, unnest("personaReplyCounts") AS n, "takenOver" AS taken FROM per WHERE cardinality("personaIds") > 0) AS x
      GROUP BY pid
    ),
    ratings AS (
      SELECT "aiAgentId" AS pid, count(*) FILTER (WHERE helpful) AS helpful, count(*) FILTER (WHERE NOT helpful) AS not_helpful
      FROM "AiRating" WHERE "tenantId" = ${c.tenantId}::uuid AND "createdAt" >= ${c.from} AND "createdAt" < ${c.to}
      GROUP BY 1
    )
    SELECT COALESCE(stats.pid, ratings.pid) AS pid, a.name,
      COALESCE(stats.conversations, 0) AS conversations, COALESCE(stats.taken, 0) AS taken, COALESCE(stats.replies, 0) AS replies,
      COALESCE(ratings.helpful, 0) AS helpful, COALESCE(ratings.not_helpful, 0) AS not_helpful
    FROM stats FULL JOIN ratings ON ratings.pid = stats.pid
    LEFT JOIN "AiAgent" a ON a.id = COALESCE(stats.pid, ratings.pid) AND a."tenantId" = ${c.tenantId}::uuid
    ORDER BY conversations DESC, a.name`);
  return rows.map((r) => {
    const [helpful, notHelpful] = [Number(r.helpful), Number(r.not_helpful)];
    return {
      aiAgentId: r.pid,
      name: r.name ?? 'Deleted persona',
      conversations: Number(r.conversations),
      takenOver: Number(r.taken),
      takeoverRate: rate(Number(r.taken), Number(r.conversations)),
      replies: Number(r.replies),
      helpful,
      notHelpful,
      rating: rate(helpful, helpful + notHelpful),
    };
  });
};
