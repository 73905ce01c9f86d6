import { z } from 'zod';
import type { Deps } from '../deps.ts';
import type { JobHandler } from '../jobs/queue.ts';
import { recomputeTicketSla } from './recompute-ticket-sla.ts';

/** A delayed job may run a hair before its instant (timer rounding); more than this is a fault. */
const EARLY_TOLERANCE_MS = 1_000;

export const ZSlaTimerPayload = z.object({ tenantId: z.uuid(), ticketId: z.uuid(), slaVersion: z.number().int().min(0), at: z.iso.datetime() });

/**
 * Fires at the instant a clock turns at-risk or due. It evaluates the clocks at that instant at
 * the earliest (a timer that fires a hair early still records the crossing it was set for); a
 * newer slaVersion means the ticket changed since and scheduled its own timer, so this one does nothing.
 */
export const slaTimerJob =
  (deps: Deps): JobHandler =>
  async (payload) => {
    const p = ZSlaTimerPayload.parse(payload);
    const at = Date.parse(p.at);
    const early = at - Date.now();
    if (early > EARLY_TOLERANCE_MS) {
      // Never evaluate the future: a timer this early is a scheduling fault. Nothing is recorded;
      // the start-up reconciler enqueues it again from slaNextTimerAt.
      deps.log.warn({ ticketId: p.ticketId, earlyMs: early }, 'SLA timer fired early; left for the reconciler');
      return;
    }
    const now = new Date(Math.max(Date.now(), at));
    const wrote = await recomputeTicketSla(deps, { tenantId: p.tenantId, ticketId: p.ticketId, expectedVersion: p.slaVersion, now });
    deps.log.debug({ ticketId: p.ticketId, slaVersion: p.slaVersion, wrote }, 'SLA timer');
  };
