import type { AnalyticsDto } from '../../../src/contracts/dashboard.ts';
import { rate } from '../../../src/domain/metrics/aggregate.ts';
import { Prisma } from '../../db/generated/client.ts';
import type { Deps } from '../../deps.ts';
import { analyticsQuery, statsCte, type Cohort } from './cohort.ts';

/** One row per person with any figure in the range (definitions: perAgent in src/domain/metrics/aggregate.ts). */
export const agentsSection = async (deps: Pick<Deps, 'db'>, c: Cohort): Promise<AnalyticsDto['agents']> => {
  const rows = await analyticsQuery<{ uid: string; name: string | null; conversations: bigint; takeovers: bigint; frt: number | null; replies: bigint }>(deps, Prisma.sql`
    WITH ${statsCte(c)},
    -- Every person a conversation names, with what it counts for them.
    named AS (
      SELECT uid, sum(owned) AS owned, sum(took) AS took, sum(replies) AS replies
      FROM (
        SELECT unnest("humanOwnerIds") AS uid, 1 AS owned, 0 AS took, 0 AS replies FROM per WHERE cardinality("humanOwnerIds") > 0
        UNION ALL SELECT unnest("takeoverActorIds"), 0, 1, 0 FROM per WHERE cardinality("takeoverActorIds") > 0
        UNION ALL SELECT unnest("replySenderIds"), 0, 0, unnest("replySenderCounts") FROM per WHERE cardinality("replySenderIds") > 0
      ) AS x
      GROUP BY uid
    ),
    frt AS (
      SELECT "firstResponderId" AS uid, percentile_disc(0.5) WITHIN GROUP (ORDER BY "humanFirstResponseMs") AS median
      FROM per WHERE "firstResponderId" IS NOT NULL GROUP BY 1
    ),
    uids AS (SELECT uid FROM named UNION SELECT uid FROM frt)
    SELECT uids.uid, u.name, COALESCE(named.owned, 0) AS conversations, COALESCE(named.took, 0) AS takeovers, frt.median AS frt, COALESCE(named.replies, 0) AS replies
    FROM uids
    LEFT JOIN "User" u ON u.id = uids.uid AND u."tenantId" = ${c.tenantId}::uuid
    LEFT JOIN named ON named.uid = uids.uid LEFT JOIN frt ON frt.uid = uids.uid
    ORDER BY conversations DESC, u.name`);
  return rows.map((r) => ({
    userId: r.uid,
    name: r.name ?? 'Former member',
    conversations: Number(r.conversations),
    takeovers: Number(r.takeovers),
    takeoverRate: rate(Number(r.takeovers), Number(r.conversations)),
    firstResponseMedianMs: r.frt === null ? null : Math.round(Number(r.frt)),
    replies: Number(r.replies),
  }));
};
