import type { AnalyticsDto } from '../../../src/contracts/dashboard.ts';
import type { Deps } from '../../deps.ts';
import { Prisma } from '../../db/generated/client.ts';
import { ceilBucket, floorBucket, VOLUME_BUCKET_MS } from '../stats/volume-rollup.ts';
import { analyticsQuery } from './cohort.ts';
import { buckets, type ResolvedRange } from './range.ts';

type Counts = { conversations: number; inbound: number; outbound: number; ai: number; human: number };
type Row = { bucket: number; conversations: bigint | number; inbound: bigint | number; outbound: bigint | number; ai: bigint | number; human: bigint | number };

/** Counts of [lo, hi) straight from the source rows, by chart bucket: for the range's unaligned edges. */
const fromSource = (deps: Pick<Deps, 'db'>, tenantId: string, starts: Date[], lo: Date, hi: Date) =>
  analyticsQuery<Row>(deps, Prisma.sql`
    WITH conv AS (
      SELECT width_bucket("createdAt", ${starts}::timestamp[]) AS bucket, count(*) AS n
      FROM "Conversation" WHERE "tenantId" = ${tenantId}::uuid AND "createdAt" >= ${lo} AND "createdAt" < ${hi}
      GROUP BY 1
    ),
    msg AS (
      SELECT width_bucket("createdAt", ${starts}::timestamp[]) AS bucket,
        count(*) FILTER (WHERE direction = 'INBOUND') AS inbound,
        count(*) FILTER (WHERE direction = 'OUTBOUND' AND NOT "isNote") AS outbound,
        count(*) FILTER (WHERE direction = 'OUTBOUND' AND NOT "isNote" AND "aiAgentId" IS NOT NULL) AS ai,
        count(*) FILTER (WHERE direction = 'OUTBOUND' AND NOT "isNote" AND "aiAgentId" IS NULL AND "senderId" IS NOT NULL) AS human
      FROM "Message" WHERE "tenantId" = ${tenantId}::uuid AND "createdAt" >= ${lo} AND "createdAt" < ${hi}
      GROUP BY 1
    )
    SELECT COALESCE(conv.bucket, msg.bucket) AS bucket, COALESCE(conv.n, 0) AS conversations, COALESCE(msg.inbound, 0) AS inbound,
      COALESCE(msg.outbound, 0) AS outbound, COALESCE(msg.ai, 0) AS ai, COALESCE(msg.human, 0) AS human
    FROM conv FULL JOIN msg ON msg.bucket = conv.bucket`);

/** The same counts of [lo, hi) (15-minute aligned) summed from the ActivityVolume rollup. */
const fromRollup = (deps: Pick<Deps, 'db'>, tenantId: string, starts: Date[], lo: Date, hi: Date) =>
  analyticsQuery<Row>(deps, Prisma.sql`
    SELECT width_bucket("bucketStart", ${starts}::timestamp[]) AS bucket, sum(conversations) AS conversations, sum(inbound) AS inbound,
      sum(outbound) AS outbound, sum("aiReplies") AS ai, sum("humanReplies") AS human
    FROM "ActivityVolume" WHERE "tenantId" = ${tenantId}::uuid AND "bucketStart" >= ${lo} AND "bucketStart" < ${hi}
    GROUP BY 1`);

/**
 * Activity per hour or day in the viewer's zone: conversations created, messages in and out
 * (AI and human replies apart). Counts messages by when they happened, not by cohort. The whole
 * 15-minute buckets inside the range come from the ActivityVolume rollup (every zone's hours and
 * days start on that grid); the partial ones at the range's ends are counted from the source rows,
 * so the figures are exact, lagging only by the rollup job's debounce. Rows are bucketed with
 * width_bucket over the chart's bucket starts (a binary search per row, no zone maths).
 */
export const volumeSection = async (deps: Pick<Deps, 'db'>, tenantId: string, range: ResolvedRange): Promise<AnalyticsDto['volume']> => {
  const all = buckets(range);
  const starts = all.map((b) => b.start);
  const [from, to] = [range.from.getTime(), range.to.getTime()];
  const [lo, hi] = [ceilBucket(from), floorBucket(to)];
  // A zone off the 15-minute grid (none in use today) or a range shorter than a bucket: all from source.
  const aligned = starts.every((s, i) => i === 0 || s.getTime() % VOLUME_BUCKET_MS === 0) && lo < hi;
  const parts = aligned
    ? await Promise.all([
        lo > from ? fromSource(deps, tenantId, starts, range.from, new Date(lo)) : Promise.resolve([]),
        fromRollup(deps, tenantId, starts, new Date(lo), new Date(hi)),
        hi < to ? fromSource(deps, tenantId, starts, new Date(hi), range.to) : Promise.resolve([]),
      ])
    : [await fromSource(deps, tenantId, starts, range.from, range.to)];
  const sums = new Map<number, Counts>();
  for (const r of parts.flat()) {
    const s = sums.get(Number(r.bucket)) ?? { conversations: 0, inbound: 0, outbound: 0, ai: 0, human: 0 };
    sums.set(Number(r.bucket), {
      conversations: s.conversations + Number(r.conversations),
      inbound: s.inbound + Number(r.inbound),
      outbound: s.outbound + Number(r.outbound),
      ai: s.ai + Number(r.ai),
      human: s.human + Number(r.human),
    });
  }
  // width_bucket numbers buckets from 1; 0 is "before the first start" (the range's partial first bucket starts at or before `from`, so none).
  return all.map((b, i) => {
    const m = sums.get(i + 1);
    return {
      bucket: b.label,
      conversations: m?.conversations ?? 0,
      inbound: m?.inbound ?? 0,
      outbound: m?.outbound ?? 0,
      aiReplies: m?.ai ?? 0,
      humanReplies: m?.human ?? 0,
    };
  });
};
