import { ticketSlaCompliance, type TicketSlaCompliance, type TicketSlaRecord } from '../../../src/domain/metrics/ticket-sla-compliance.ts';
import type { SlaState } from '../../../src/domain/sla.ts';
import type { Deps } from '../../deps.ts';
import type { StoredClocks } from '../../ticket/ticket-dto.ts';
import type { Cohort } from './cohort.ts';

/** A clock's state as last recorded on the ticket (SLA timers record at-risk and breach at the moment they happen). */
const storedClockState = (clocks: unknown, clock: keyof StoredClocks): SlaState => (clocks as StoredClocks | null)?.[clock]?.state ?? 'none';

/**
 * Helpdesk SLA compliance of the tickets created in the range (index on tenantId + createdAt). A
 * workspace's tickets are orders of magnitude fewer than its messages, so the rows are read and the
 * pure formula (src/domain/metrics/ticket-sla-compliance.ts) does the arithmetic.
 */
export const ticketsSection = async (deps: Pick<Deps, 'db'>, c: Cohort): Promise<TicketSlaCompliance> => {
  const rows = await deps.db.ticket.findMany({
    where: { tenantId: c.tenantId, createdAt: { gte: c.from, lt: c.to } },
    select: { priority: true, slaClocks: true, createdAt: true, firstRespondedAt: true, resolvedAt: true },
  });
  const records: TicketSlaRecord[] = rows.map((t) => ({
    priority: t.priority,
    firstResponse: storedClockState(t.slaClocks, 'firstResponse'),
    resolution: storedClockState(t.slaClocks, 'resolution'),
    createdAt: t.createdAt,
    firstRespondedAt: t.firstRespondedAt,
    resolvedAt: t.resolvedAt,
  }));
  return ticketSlaCompliance(records);
};
