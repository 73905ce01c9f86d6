import { aiReplyJob } from '../ai-agent/ai-reply.job.ts';
import { AI_REPLY_JOB, scheduleAiReply } from '../ai-agent/schedule-ai-reply.ts';
import { SEND_MESSAGE_JOB, sendMessageJob } from '../channels/send-message.job.ts';
import { ACTIVITY_VOLUME_JOB, activityVolumeJob, CONVERSATION_STATS_JOB, conversationStatsJob } from '../dashboard/stats/stats.job.ts';
import { reconcileVolume } from '../dashboard/stats/volume-rollup.ts';
import { reconcileConversationStats } from '../dashboard/stats/reconcile-stats.ts';
import type { Deps } from '../deps.ts';
import { draftEmailJob } from '../email/draft-email.job.ts';
import { EMAIL_DRAFT_JOB } from '../email/draft-email.ts';
import { sendEmailJob } from '../email/send-email.job.ts';
import { reconcileEmails } from '../email/reconcile-emails.ts';
import { SEND_EMAIL_JOB } from '../email/send-email.ts';
import { analyseTicketJob } from '../ticket/analyse-ticket.job.ts';
import { RECOMPUTE_SLA_JOB, recomputeSlaJob } from '../ticket/recompute-sla.job.ts';
import { slaTimerJob } from '../ticket/sla-timer.job.ts';
import { reconcileTicketJobs } from '../ticket/reconcile-ticket-jobs.ts';
import { ANALYSE_TICKET_JOB } from '../ticket/ticket-analysis.ts';
import { SLA_TIMER_JOB } from '../ticket/ticket-sla.ts';

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
  deps.queue.work(SEND_EMAIL_JOB, sendEmailJob(deps));
  deps.queue.work(EMAIL_DRAFT_JOB, draftEmailJob(deps));
  deps.queue.work(SLA_TIMER_JOB, slaTimerJob(deps));
  deps.queue.work(RECOMPUTE_SLA_JOB, recomputeSlaJob(deps));
  deps.queue.work(ANALYSE_TICKET_JOB, analyseTicketJob(deps));
  deps.queue.work(CONVERSATION_STATS_JOB, conversationStatsJob(deps));
  deps.queue.work(ACTIVITY_VOLUME_JOB, activityVolumeJob(deps));
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
  const emails = await reconcileEmails(deps);
  const tickets = await reconcileTicketJobs(deps);
  // Analytics rows missing or older than their conversation, and volume buckets of the last day
  // (or of all history when a tenant has none yet): recounted in batches rather than as one job
  // each, and in the background: after these tables' migration on a large database that is every
  // conversation, and start must not wait for it (analytics lag until it is done).
  const reconcileAnalytics = async () => {
    const rows = await reconcileConversationStats(deps.db);
    const tenants = await reconcileVolume(deps.db);
    deps.log.info({ rows, tenants }, 'analytics rollups reconciled');
  };
  void reconcileAnalytics().catch((err: unknown) =>
    deps.log.warn({ err: err instanceof Error ? err.message : String(err) }, 'analytics reconcile stopped; the next start resumes it'),
  );
  return queued.length + owed.length + emails + tickets;
};
