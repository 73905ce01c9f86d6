import type { AnalyticsDto } from '../../../src/contracts/dashboard.ts';
import { Prisma } from '../../db/generated/client.ts';
import type { Deps } from '../../deps.ts';
import { analyticsQuery, statsCte, type Cohort } from './cohort.ts';

/** Why the AI handed cohort conversations to the queue (every AI → QUEUE change), most common first. */
export const escalationsSection = async (deps: Pick<Deps, 'db'>, c: Cohort): Promise<AnalyticsDto['escalations']> => {
  const rows = await analyticsQuery<{ reason: string; n: bigint }>(deps, Prisma.sql`
    WITH ${statsCte(c)}
    SELECT reason, count(*) AS n
    FROM (SELECT unnest("escalationReasons") AS reason FROM per WHERE cardinality("escalationReasons") > 0) AS x
    GROUP BY reason ORDER BY n DESC, reason`);
  return rows.map((r) => ({ reason: r.reason, count: Number(r.n) }));
};
