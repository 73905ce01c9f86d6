import type { AnalyticsDto } from '../../../src/contracts/dashboard.ts';
import { rate } from '../../../src/domain/metrics/aggregate.ts';
import { Prisma } from '../../db/generated/client.ts';
import type { Deps } from '../../deps.ts';
import { analyticsQuery, statsCte, type Cohort } from './cohort.ts';

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
/** One value of a percentile_disc(ARRAY[…]) result (null when nothing was measured). */
const pick = (v: unknown, i: number): unknown => (Array.isArray(v) ? v[i] : null);
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Math.round(Number(v)));

/** The conversation figures of the range, in two statements (definitions: summarize() in src/domain/metrics/aggregate.ts). */
export const summarySection = async (deps: Pick<Deps, 'db'>, c: Cohort): Promise<AnalyticsDto['summary']> => {
  // Two statements at once: the AI response times (a few per conversation) are most of the work.
  const [[row], [air]] = await Promise.all([
    analyticsQuery<Record<string, unknown>>(deps, Prisma.sql`
      WITH ${statsCte(c)}
      SELECT count(*) AS conversations,
        count(*) FILTER (WHERE "resolvedAt" IS NOT NULL) AS resolved,
        count(*) FILTER (WHERE "initialOwner" = 'AI') AS ai_started,
        count(*) FILTER (WHERE "aiResolved") AS ai_resolved,
        count(*) FILTER (WHERE "everAi") AS ever_ai,
        count(*) FILTER (WHERE "takenOver") AS taken_over,
        count(*) FILTER (WHERE "everHuman") AS ever_human,
        count(*) FILTER (WHERE "handedBack") AS handed_back,
        sum("botMs" + CASE WHEN "currentOwner" = 'AI' THEN tail_ms ELSE 0 END) AS bot_ms,
        sum("humanMs" + CASE WHEN "currentOwner" = 'HUMAN' THEN tail_ms ELSE 0 END) AS human_ms,
        sum("queueMs" + CASE WHEN "currentOwner" = 'QUEUE' THEN tail_ms ELSE 0 END) AS queue_ms,
        percentile_disc(0.5) WITHIN GROUP (ORDER BY "resolutionMs") FILTER (WHERE "resolutionMs" IS NOT NULL) AS resolution_median,
        percentile_disc(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY "humanFirstResponseMs") FILTER (WHERE "humanFirstResponseMs" IS NOT NULL) AS frt,
        count("humanFirstResponseMs") AS frt_n
      FROM per`),
    analyticsQuery<Record<string, unknown>>(deps, Prisma.sql`
      WITH ${statsCte(c)}
      SELECT percentile_disc(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY ms) AS air, count(*) AS air_n
      FROM (SELECT unnest("aiResponseMs") AS ms FROM per WHERE cardinality("aiResponseMs") > 0) AS x`),
  ]);
  const r = { ...row, ...air };
  return {
    conversations: num(r.conversations),
    resolved: num(r.resolved),
    aiStarted: num(r.ai_started),
    aiResolved: num(r.ai_resolved),
    aiResolutionRate: rate(num(r.ai_resolved), num(r.ai_started)),
    everAi: num(r.ever_ai),
    takenOver: num(r.taken_over),
    takeoverRate: rate(num(r.taken_over), num(r.ever_ai)),
    everHuman: num(r.ever_human),
    handedBack: num(r.handed_back),
    handbackRate: rate(num(r.handed_back), num(r.ever_human)),
    botMs: Math.round(num(r.bot_ms)),
    humanMs: Math.round(num(r.human_ms)),
    queueMs: Math.round(num(r.queue_ms)),
    humanFirstResponse: { medianMs: numOrNull(pick(r.frt, 0)), p90Ms: numOrNull(pick(r.frt, 1)), count: num(r.frt_n) },
    aiResponse: { medianMs: numOrNull(pick(r.air, 0)), p90Ms: numOrNull(pick(r.air, 1)), count: num(r.air_n) },
    resolution: { medianMs: numOrNull(r.resolution_median), count: num(r.resolved) },
  };
};
