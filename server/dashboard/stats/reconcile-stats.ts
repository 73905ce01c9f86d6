import type { Db } from '../../db/client.ts';
import { Prisma } from '../../db/generated/client.ts';
import { writeConversationStats } from './write-stats.ts';

const BATCH = 1_000;

/**
 * Fills the analytics rows that are missing or older than their conversation (a refresh lost to a
 * crash or a flushed queue, rows written before this table existed, a bulk seed), batch by batch,
 * tenant by tenant. Safe to run at any time: each batch is an idempotent upsert. Returns the
 * number of rows written. `tenantId` narrows it to one workspace (the seed script).
 */
export const reconcileConversationStats = async (db: Db, opts: { tenantId?: string; onBatch?: (written: number) => void } = {}): Promise<number> => {
  let written = 0;
  let after = { tenantId: '00000000-0000-0000-0000-000000000000', id: '00000000-0000-0000-0000-000000000000' };
  for (;;) {
    // Keyset over (tenantId, id) so each batch is one tenant's or crosses into the next in order.
    const stale = await db.$queryRaw<Array<{ id: string; tenantId: string }>>`
      SELECT c.id, c."tenantId" FROM "Conversation" c
      LEFT JOIN "ConversationStats" s ON s."conversationId" = c.id
      WHERE (c."tenantId", c.id) > (${after.tenantId}::uuid, ${after.id}::uuid)
        ${opts.tenantId ? Prisma.sql`AND c."tenantId" = ${opts.tenantId}::uuid` : Prisma.empty}
        AND (s."conversationId" IS NULL OR s."sourceUpdatedAt" < c."updatedAt")
      ORDER BY c."tenantId", c.id LIMIT ${BATCH}`;
    if (stale.length === 0) return written;
    const byTenant = new Map<string, string[]>();
    for (const r of stale) byTenant.set(r.tenantId, [...(byTenant.get(r.tenantId) ?? []), r.id]);
    for (const [tenantId, ids] of byTenant) written += await writeConversationStats(db, tenantId, ids);
    opts.onBatch?.(written);
    after = stale.at(-1)!;
  }
};
