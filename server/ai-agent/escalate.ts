import type { EventDraft } from '../../src/contracts/events.ts';
import type { Tx } from '../db/client.ts';
import type { Deps } from '../deps.ts';
import { applyOwnerChange } from '../conversation/change-owner.ts';
import { writeWithEvents } from '../realtime/write-with-events.ts';

/** Locks the conversation row and returns it when the AI still owns it under `ownerVersion`. */
export const lockIfAiOwns = async (tx: Tx, tenantId: string, conversationId: string, ownerVersion: number) => {
  await tx.$queryRaw`SELECT 1 FROM "Conversation" WHERE id = ${conversationId}::uuid AND "tenantId" = ${tenantId}::uuid FOR UPDATE`;
  const conversation = await tx.conversation.findFirst({ where: { id: conversationId, tenantId } });
  return conversation && conversation.owner === 'AI' && conversation.ownerVersion === ownerVersion ? conversation : null;
};

/** The AI hands the conversation to the queue, with its reason — unless someone already changed the owner. */
export const escalateToQueue = (
  deps: Deps,
  { tenantId, conversationId, ownerVersion, reason }: { tenantId: string; conversationId: string; ownerVersion: number; reason: string },
): Promise<boolean> =>
  writeWithEvents(deps, tenantId, async (tx) => {
    const conversation = await lockIfAiOwns(tx, tenantId, conversationId, ownerVersion);
    if (!conversation) return { result: false, events: [] as EventDraft[] };
    const { events } = await applyOwnerChange(tx, conversation, { type: 'escalate', reason }, { id: null, role: null }, deps.openai !== null);
    deps.log.info({ tenantId, conversationId, reason }, 'AI escalated to the queue');
    return { result: true, events };
  });
