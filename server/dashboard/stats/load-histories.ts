import type { ConversationHistory } from '../../../src/domain/metrics/history.ts';
import type { Db } from '../../db/client.ts';

export type LoadedHistory = { tenantId: string; history: ConversationHistory; updatedAt: Date };

/**
 * Conversations' histories as the metric formulas read them, from their source rows, for one
 * tenant (ids of another tenant simply load nothing). Messages come in (createdAt, id) order so
 * equal timestamps always tie-break the same way.
 */
export const loadHistories = async (db: Db, tenantId: string, ids: string[]): Promise<LoadedHistory[]> => {
  if (ids.length === 0) return [];
  const [conversations, changes, messages] = await Promise.all([
    db.conversation.findMany({
      where: { tenantId, id: { in: ids } },
      select: { id: true, createdAt: true, status: true, resolvedAt: true, owner: true, updatedAt: true },
    }),
    db.ownershipChange.findMany({
      where: { tenantId, conversationId: { in: ids } },
      select: { conversationId: true, version: true, fromOwner: true, toOwner: true, toAssigneeId: true, actorId: true, reason: true, createdAt: true },
    }),
    db.message.findMany({
      where: { tenantId, conversationId: { in: ids } },
      select: { conversationId: true, direction: true, aiAgentId: true, senderId: true, isNote: true, createdAt: true },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    }),
  ]);
  const byConversation = new Map<string, LoadedHistory>();
  for (const c of conversations) {
    byConversation.set(c.id, {
      tenantId,
      updatedAt: c.updatedAt,
      history: {
        id: c.id,
        createdAt: c.createdAt.getTime(),
        // resolvedAt is kept while reopened: it counts only while the conversation is resolved.
        resolvedAt: c.status === 'RESOLVED' && c.resolvedAt ? c.resolvedAt.getTime() : null,
        currentOwner: c.owner,
        changes: [],
        messages: [],
      },
    });
  }
  for (const o of changes) {
    byConversation.get(o.conversationId)?.history.changes.push({
      version: o.version, from: o.fromOwner, to: o.toOwner, toAssigneeId: o.toAssigneeId, actorId: o.actorId, reason: o.reason, at: o.createdAt.getTime(),
    });
  }
  for (const m of messages) {
    byConversation.get(m.conversationId)?.history.messages.push({ direction: m.direction, aiAgentId: m.aiAgentId, senderId: m.senderId, isNote: m.isNote, at: m.createdAt.getTime() });
  }
  return [...byConversation.values()];
};
