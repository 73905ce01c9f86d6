import type { LiveSnapshotDto } from '../../../src/contracts/dashboard.ts';
import type { TenantEvent } from '../../../src/contracts/events.ts';
import type { LivePanel } from './panels.ts';

/** Anything that can open, resolve, create or move a conversation between owners. */
export const touchesConversations = (e: TenantEvent) => e.type === 'conversation.owner_changed' || e.type === 'conversation.updated' || e.type === 'message.created';

/** Open conversations by owner (index-only on tenantId, status, owner). */
export const conversationsPanel: LivePanel<LiveSnapshotDto['conversations']> = {
  affectedBy: touchesConversations,
  compute: async (deps, { tenantId }) => {
    const rows = await deps.db.$queryRaw<Array<{ owner: 'AI' | 'QUEUE' | 'HUMAN'; n: bigint }>>`
      SELECT owner, count(*) AS n FROM "Conversation"
      WHERE "tenantId" = ${tenantId}::uuid AND status = 'OPEN' GROUP BY owner`;
    const data = { AI: 0, QUEUE: 0, HUMAN: 0 };
    for (const r of rows) data[r.owner] = Number(r.n);
    return { data };
  },
};

/**
 * The queue: open conversations waiting for a person, and since when the longest has waited.
 * A conversation waits from the change that put it in the queue (the latest change, as it is
 * still there), or from its creation when it started in the queue.
 */
export const queuePanel: LivePanel<LiveSnapshotDto['queue']> = {
  affectedBy: touchesConversations,
  compute: async (deps, { tenantId }) => {
    const [row] = await deps.db.$queryRaw<Array<{ n: bigint; oldest: Date | null }>>`
      SELECT count(*) AS n, min(w.since) AS oldest FROM (
        SELECT COALESCE(
          (SELECT o."createdAt" FROM "OwnershipChange" o WHERE o."conversationId" = c.id ORDER BY o.version DESC LIMIT 1),
          c."createdAt") AS since
        FROM "Conversation" c
        WHERE c."tenantId" = ${tenantId}::uuid AND c.status = 'OPEN' AND c.owner = 'QUEUE'
      ) w`;
    return { data: { length: Number(row?.n ?? 0), oldestWaitingSince: row?.oldest?.toISOString() ?? null } };
  },
};
