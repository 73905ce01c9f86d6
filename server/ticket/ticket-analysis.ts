import type { Deps } from '../deps.ts';

export const ANALYSE_TICKET_JOB = 'ticket.analyse';

/** Columns that mark a new analysis as requested (the ticket shows "analysing…" at once), or nothing when the AI is offline. */
export const analysisRequest = (deps: Pick<Deps, 'openai'>) =>
  deps.openai ? ({ analysisStatus: 'PENDING', analysisVersion: { increment: 1 } } as const) : ({} as const);

/**
 * The job for analysis request `analysisVersion`; a newer request (a new comment) supersedes it,
 * and the job then does nothing. A lost enqueue is re-done by reconcileJobs (status PENDING).
 */
export const enqueueAnalysis = async (
  deps: Pick<Deps, 'queue' | 'log' | 'openai'>,
  ticket: { tenantId: string; id: string; analysisVersion: number; analysisStatus: string },
): Promise<void> => {
  if (!deps.openai || ticket.analysisStatus !== 'PENDING') return;
  await deps.queue
    .enqueue(
      ANALYSE_TICKET_JOB,
      { tenantId: ticket.tenantId, ticketId: ticket.id, analysisVersion: ticket.analysisVersion },
      // The SDK already retries connection blips and 5xx; a failure past that is shown and retried by a person.
      { jobId: `ticket.${ticket.id}.analysis.${ticket.analysisVersion}`, attempts: 1 },
    )
    .catch((err: unknown) => deps.log.error({ err, ticketId: ticket.id }, 'analysis enqueue failed; the reconciler will retry'));
};
