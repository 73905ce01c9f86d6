import { aiReplyJob } from '../ai-agent/ai-reply.job.ts';
import { AI_REPLY_JOB, scheduleAiReply } from '../ai-agent/schedule-ai-reply.ts';
import { SEND_MESSAGE_JOB, sendMessageJob } from '../channels/send-message.job.ts';
import type { Deps } from '../deps.ts';

/**
 * Every job this codebase runs, registered on the process's queue. Each feature adds its jobs
 * here; the in-process adapter and BullMQ run the same handlers.
 */
export const registerWorkers = (deps: Deps): void => {
  deps.queue.work('sessions.delete-expired', async () => {
    await deps.lucia.deleteExpiredSessions();
  });
  deps.queue.work(SEND_MESSAGE_JOB, sendMessageJob(deps));
  deps.queue.work(AI_REPLY_JOB, aiReplyJob(deps));
};

/**
 * Re-enqueues work the database says is owed, so a flushed Redis or a crash between commit and
 * enqueue loses nothing. Deterministic job ids make this safe to run on every start.
 */
export const reconcileJobs = async (deps: Deps): Promise<number> => {
  const queued = await deps.db.message.findMany({
    where: { direction: 'OUTBOUND', status: 'QUEUED', providerMessageId: null },
    select: { id: true, tenantId: true },
    take: 10_000,
  });
  for (const m of queued) {
    await deps.queue.enqueue(SEND_MESSAGE_JOB, { tenantId: m.tenantId, messageId: m.id }, { jobId: m.id, attempts: 5 });
  }
  // AI replies owed: AI-owned conversations whose last word is the customer's.
  const owed = await deps.db.$queryRaw<Array<{ id: string; tenantId: string }>>`
    SELECT c.id, c."tenantId" FROM "Conversation" c
    WHERE c.owner = 'AI' AND c.status = 'OPEN' AND c."lastMessageDirection" = 'INBOUND'
    LIMIT 10000`;
  for (const c of owed) await scheduleAiReply(deps, { tenantId: c.tenantId, conversationId: c.id });
  return queued.length + owed.length;
};
