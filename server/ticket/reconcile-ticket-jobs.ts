import type { Deps } from '../deps.ts';
import { enqueueAnalysis } from './ticket-analysis.ts';
import { scheduleSlaTimer } from './ticket-sla.ts';

/**
 * Ticket work the database says is owed: SLA timers (every ticket whose clocks still have a
 * crossing ahead, or overdue if the process was down at the time: the job then records it at
 * once) and analyses requested but never finished. Job ids are deterministic, so re-enqueuing
 * what is still queued is a no-op. `tenantId` narrows it (tests share one database).
 */
export const reconcileTicketJobs = async (deps: Deps, { tenantId }: { tenantId?: string } = {}): Promise<number> => {
  const scope = tenantId ? { tenantId } : {};
  const timers = await deps.db.ticket.findMany({
    where: { ...scope, slaNextTimerAt: { not: null } },
    select: { id: true, tenantId: true, slaVersion: true, slaNextTimerAt: true },
    take: 10_000,
  });
  for (const t of timers) await scheduleSlaTimer(deps, t);
  const analyses = await deps.db.ticket.findMany({
    where: { ...scope, analysisStatus: 'PENDING' },
    select: { id: true, tenantId: true, analysisVersion: true, analysisStatus: true },
    take: 10_000,
  });
  for (const a of analyses) await enqueueAnalysis(deps, a);
  return timers.length + analyses.length;
};
