import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Deps } from '../deps.ts';
import type { JobHandler } from '../jobs/queue.ts';
import { recomputeTicketSla } from './recompute-ticket-sla.ts';

export const RECOMPUTE_SLA_JOB = 'ticket.sla-recompute';
const ZPayload = z.object({ tenantId: z.uuid() });
const BATCH = 200;

/** After targets or business hours change: every ticket not closed gets its clocks recomputed (and its timer moved). */
export const enqueueSlaRecompute = async (deps: Pick<Deps, 'queue' | 'log'>, tenantId: string): Promise<void> => {
  await deps.queue
    .enqueue(RECOMPUTE_SLA_JOB, { tenantId }, { jobId: `sla-recompute.${tenantId}.${randomUUID()}`, attempts: 3 })
    .catch((err: unknown) => deps.log.error({ err, tenantId }, 'SLA recompute enqueue failed'));
};

export const recomputeSlaJob =
  (deps: Deps): JobHandler =>
  async (payload) => {
    const { tenantId } = ZPayload.parse(payload);
    let after = 0;
    let changed = 0;
    for (;;) {
      const batch = await deps.db.ticket.findMany({
        where: { tenantId, status: { not: 'CLOSED' }, number: { gt: after } },
        select: { id: true, number: true },
        orderBy: { number: 'asc' },
        take: BATCH,
      });
      for (const t of batch) if (await recomputeTicketSla(deps, { tenantId, ticketId: t.id, now: new Date() })) changed++;
      if (batch.length < BATCH) break;
      after = batch.at(-1)!.number;
    }
    deps.log.info({ tenantId, changed }, 'SLA clocks recomputed');
  };
