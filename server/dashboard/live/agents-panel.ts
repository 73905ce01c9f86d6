import type { LiveAgentDto } from '../../../src/contracts/dashboard.ts';
import type { LivePanel } from './panels.ts';

const STATUS_ORDER = { online: 0, away: 1, offline: 2 } as const;

/**
 * Every active member with their presence (from the sockets of every node) and how many open
 * conversations they own. Re-read when the earliest presence entry would lapse, so a node that
 * died without saying goodbye still turns its agents offline.
 */
export const agentsPanel: LivePanel<LiveAgentDto[]> = {
  onPresence: true,
  affectedBy: (e) => e.type === 'conversation.owner_changed' || e.type === 'conversation.updated' || e.type.startsWith('member.'),
  compute: async (deps, { tenantId, now }) => {
    const [members, open, presence] = await Promise.all([
      deps.db.user.findMany({ where: { tenantId, status: 'ACTIVE' }, select: { id: true, name: true, role: true } }),
      deps.db.$queryRaw<Array<{ assigneeId: string; n: bigint }>>`
        SELECT "assigneeId", count(*) AS n FROM "Conversation"
        WHERE "tenantId" = ${tenantId}::uuid AND status = 'OPEN' AND owner = 'HUMAN' AND "assigneeId" IS NOT NULL
        GROUP BY "assigneeId"`,
      deps.agentPresence.view(tenantId, now),
    ]);
    const openBy = new Map(open.map((r) => [r.assigneeId, Number(r.n)]));
    const data = members
      .map((m) => ({ userId: m.id, name: m.name, role: m.role, status: presence.statuses.get(m.id) ?? ('offline' as const), openConversations: openBy.get(m.id) ?? 0 }))
      .sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || a.name.localeCompare(b.name));
    return { data, recheckAt: presence.nextExpiry };
  },
};
