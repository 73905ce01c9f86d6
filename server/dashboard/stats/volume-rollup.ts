import { Prisma } from '../../db/generated/client.ts';
import type { Db } from '../../db/client.ts';

/** Every zone's hours and days in use start on a 15-minute UTC boundary (offsets like +05:45 included). */
export const VOLUME_BUCKET_MS = 15 * 60_000;
export const floorBucket = (ms: number) => Math.floor(ms / VOLUME_BUCKET_MS) * VOLUME_BUCKET_MS;
export const ceilBucket = (ms: number) => Math.ceil(ms / VOLUME_BUCKET_MS) * VOLUME_BUCKET_MS;

/**
 * Recounts a tenant's ActivityVolume buckets in [from, to) (bucket-aligned) from the source rows:
 * upserts the buckets with activity, deletes the ones left without. The same definitions as the
 * volume chart always had (conversations created; messages in; replies out, AI and human apart;
 * notes never). Refreshes of one tenant take turns (a transaction-level advisory lock), so a
 * later refresh always counts after an earlier one committed and the newest count stays.
 */
export const refreshVolume = async (db: Db, tenantId: string, from: Date, to: Date): Promise<void> => {
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('activity-volume'), hashtext(${tenantId}))`;
    await tx.$executeRaw`
      WITH conv AS (
        SELECT date_bin('15 minutes', "createdAt", TIMESTAMP '2000-01-01') AS b, count(*) AS n
        FROM "Conversation" WHERE "tenantId" = ${tenantId}::uuid AND "createdAt" >= ${from} AND "createdAt" < ${to}
        GROUP BY 1
      ),
      msg AS (
        SELECT date_bin('15 minutes', "createdAt", TIMESTAMP '2000-01-01') AS b,
          count(*) FILTER (WHERE direction = 'INBOUND') AS inbound,
          count(*) FILTER (WHERE direction = 'OUTBOUND' AND NOT "isNote") AS outbound,
          count(*) FILTER (WHERE direction = 'OUTBOUND' AND NOT "isNote" AND "aiAgentId" IS NOT NULL) AS ai,
          count(*) FILTER (WHERE direction = 'OUTBOUND' AND NOT "isNote" AND "aiAgentId" IS NULL AND "senderId" IS NOT NULL) AS human
        FROM "Message" WHERE "tenantId" = ${tenantId}::uuid AND "createdAt" >= ${from} AND "createdAt" < ${to}
        GROUP BY 1
      ),
      fresh AS (
        SELECT COALESCE(conv.b, msg.b) AS b, COALESCE(conv.n, 0) AS conversations, COALESCE(msg.inbound, 0) AS inbound,
          COALESCE(msg.outbound, 0) AS outbound, COALESCE(msg.ai, 0) AS ai, COALESCE(msg.human, 0) AS human
        FROM conv FULL JOIN msg ON msg.b = conv.b
      ),
      up AS (
        INSERT INTO "ActivityVolume" ("tenantId", "bucketStart", conversations, inbound, outbound, "aiReplies", "humanReplies")
        SELECT ${tenantId}::uuid, b, conversations, inbound, outbound, ai, human FROM fresh
        ON CONFLICT ("tenantId", "bucketStart") DO UPDATE SET conversations = EXCLUDED.conversations, inbound = EXCLUDED.inbound,
          outbound = EXCLUDED.outbound, "aiReplies" = EXCLUDED."aiReplies", "humanReplies" = EXCLUDED."humanReplies"
        RETURNING 1
      )
      DELETE FROM "ActivityVolume" v
      WHERE v."tenantId" = ${tenantId}::uuid AND v."bucketStart" >= ${from} AND v."bucketStart" < ${to}
        AND NOT EXISTS (SELECT 1 FROM fresh WHERE fresh.b = v."bucketStart")`;
  }, { timeout: 120_000 });
};

/**
 * At start: recounts the last day of every tenant (refreshes lost to a crash are recent), and the
 * whole history of a tenant that has activity but no buckets yet (after this table's migration).
 * Returns how many tenants it recounted.
 */
export const reconcileVolume = async (db: Db, opts: { tenantId?: string; now?: number } = {}): Promise<number> => {
  const now = opts.now ?? Date.now();
  const tenants = await db.$queryRaw<Array<{ id: string; first: Date | null; has: boolean }>>`
    SELECT t.id,
      LEAST((SELECT min("createdAt") FROM "Conversation" c WHERE c."tenantId" = t.id), (SELECT min("createdAt") FROM "Message" m WHERE m."tenantId" = t.id)) AS first,
      EXISTS (SELECT 1 FROM "ActivityVolume" v WHERE v."tenantId" = t.id) AS has
    FROM "Tenant" t ${opts.tenantId ? Prisma.sql`WHERE t.id = ${opts.tenantId}::uuid` : Prisma.empty}`;
  let done = 0;
  for (const t of tenants) {
    if (!t.first) continue;
    const from = t.has ? Math.max(floorBucket(t.first.getTime()), floorBucket(now - 86_400_000)) : floorBucket(t.first.getTime());
    // Provider timestamps can run a little ahead of our clock.
    await refreshVolume(db, t.id, new Date(from), new Date(ceilBucket(now) + 86_400_000));
    done++;
  }
  return done;
};
