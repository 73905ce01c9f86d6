import type { LiveSnapshotDto } from '../../../src/contracts/dashboard.ts';
import type { LivePanel } from './panels.ts';

/**
 * Today's volumes since the viewer's midnight: one index range scan per table (Message by
 * tenantId+createdAt is covering; OwnershipChange by tenantId+createdAt; Conversation by
 * tenantId+createdAt and tenantId+resolvedAt).
 */
export const todayPanel: LivePanel<LiveSnapshotDto['today']> = {
  affectedBy: (e) => e.type === 'message.created' || e.type === 'conversation.owner_changed' || e.type === 'conversation.updated',
  compute: async (deps, { tenantId, dayStart }) => {
    const [row] = await deps.db.$queryRaw<Array<Record<string, bigint>>>`
      SELECT
        (SELECT count(*) FROM "Conversation" WHERE "tenantId" = ${tenantId}::uuid AND "createdAt" >= ${dayStart}) AS "newConversations",
        (SELECT count(*) FROM "Conversation" WHERE "tenantId" = ${tenantId}::uuid AND "resolvedAt" >= ${dayStart} AND status = 'RESOLVED') AS resolved,
        m.*, o.*
      FROM (
        SELECT
          count(*) FILTER (WHERE direction = 'INBOUND') AS inbound,
          count(*) FILTER (WHERE direction = 'OUTBOUND' AND NOT "isNote") AS outbound,
          count(*) FILTER (WHERE direction = 'OUTBOUND' AND NOT "isNote" AND "aiAgentId" IS NOT NULL) AS "aiReplies",
          count(*) FILTER (WHERE direction = 'OUTBOUND' AND NOT "isNote" AND "aiAgentId" IS NULL AND "senderId" IS NOT NULL) AS "humanReplies"
        FROM "Message" WHERE "tenantId" = ${tenantId}::uuid AND "createdAt" >= ${dayStart}
      ) m, (
        SELECT
          count(*) FILTER (WHERE "fromOwner" = 'AI' AND "toOwner" = 'HUMAN' AND "actorId" IS NOT NULL) AS takeovers,
          count(*) FILTER (WHERE "fromOwner" = 'AI' AND "toOwner" = 'QUEUE') AS escalations
        FROM "OwnershipChange" WHERE "tenantId" = ${tenantId}::uuid AND "createdAt" >= ${dayStart}
      ) o`;
    const n = (k: string) => Number(row?.[k] ?? 0);
    return {
      data: {
        since: dayStart.toISOString(),
        newConversations: n('newConversations'),
        inbound: n('inbound'),
        outbound: n('outbound'),
        aiReplies: n('aiReplies'),
        humanReplies: n('humanReplies'),
        takeovers: n('takeovers'),
        escalations: n('escalations'),
        resolved: n('resolved'),
      },
    };
  },
};
