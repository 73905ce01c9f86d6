import type { Deps } from '../deps.ts';
import { enqueueAnalysis } from './ticket-analysis.ts';
import { scheduleSlaTimer } from './ticket-sla.ts';

/** What a committed ticket write owes: its SLA timer and, when requested, an AI analysis. */
export type TicketFollowUp = {
  tenantId: string;
  id: string;
  slaVersion: number;
  slaNextTimerAt: Date | null;
  analysisVersion: number;
  analysisStatus: string;
};

/** Runs after commit (never inside the transaction): enqueues are network calls. */
export const afterTicketWrite = async (deps: Pick<Deps, 'queue' | 'log' | 'openai'>, followUps: TicketFollowUp[]): Promise<void> => {
  for (const f of followUps) {
    await scheduleSlaTimer(deps, f);
    await enqueueAnalysis(deps, f);
  }
};

export const followUpOf = (t: TicketFollowUp): TicketFollowUp => ({
  tenantId: t.tenantId,
  id: t.id,
  slaVersion: t.slaVersion,
  slaNextTimerAt: t.slaNextTimerAt,
  analysisVersion: t.analysisVersion,
  analysisStatus: t.analysisStatus,
});
