import type { Deps } from '../deps.ts';

export const AI_REPLY_JOB = 'ai.reply';

/**
 * Enqueues the AI's reply to a conversation it owns. The job id names the first customer
 * message since the last reply and the owner version, so a burst of messages gets one reply
 * (later enqueues of the same burst are no-ops), and a hand-back gets a fresh one. (BullMQ
 * refuses most ids with ':' in them, hence the dots.)
 */
export const scheduleAiReply = async (deps: Deps, { tenantId, conversationId }: { tenantId: string; conversationId: string }) => {
  const conversation = await deps.db.conversation.findFirst({ where: { id: conversationId, tenantId } });
  if (!conversation || conversation.owner !== 'AI') return;
  const lastReply = await deps.db.message.findFirst({
    // A failed or cancelled send never reached the customer: it answers nothing.
    where: { tenantId, conversationId, direction: 'OUTBOUND', isNote: false, status: { not: 'FAILED' } },
    orderBy: { createdAt: 'desc' },
    select: { createdAt: true },
  });
  const firstUnanswered = await deps.db.message.findFirst({
    where: { tenantId, conversationId, direction: 'INBOUND', ...(lastReply ? { createdAt: { gt: lastReply.createdAt } } : {}) },
    orderBy: { createdAt: 'asc' },
    select: { id: true },
  });
  if (!firstUnanswered) return;
  await deps.queue.enqueue(
    AI_REPLY_JOB,
    { tenantId, conversationId, ownerVersion: conversation.ownerVersion },
    { jobId: `${conversationId}.${conversation.ownerVersion}.${firstUnanswered.id}`, delayMs: deps.config.aiDebounceMs, attempts: 3 },
  );
};
