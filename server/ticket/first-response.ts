import type { Tx } from '../db/client.ts';
import type { Prisma, Ticket } from '../db/generated/client.ts';
import type { StoredClocks } from './ticket-dto.ts';
import { loadSlaContext, pausesOf, slaColumns, slaTransitions } from './ticket-sla.ts';

/**
 * What answering the customer changes on a ticket: a first answer stops the first-response clock
 * at `at` (the clocks recomputed, `slaVersion` bumped so older timers stand down), and a new
 * ticket opens. The caller writes `data` and `history` with its own changes, and records
 * `transitions` with the ticket it stored.
 */
export const answeredChanges = async (
  tx: Tx,
  o: { tenantId: string; actorId: string; row: Ticket; at: Date },
): Promise<{ data: Prisma.TicketUncheckedUpdateInput; history: Prisma.TicketActivityCreateManyInput[]; transitions: ReturnType<typeof slaTransitions> }> => {
  const { row } = o;
  const data: Prisma.TicketUncheckedUpdateInput = {};
  const history: Prisma.TicketActivityCreateManyInput[] = [];
  let transitions: ReturnType<typeof slaTransitions> = [];
  if (!row.firstRespondedAt) {
    const previous = row.slaClocks as StoredClocks | null;
    const sla = slaColumns(
      { createdAt: row.createdAt, priority: row.priority, firstRespondedAt: o.at, resolvedAt: row.resolvedAt, pauses: pausesOf(row), previous },
      await loadSlaContext(tx, o.tenantId),
      o.at,
    );
    Object.assign(data, sla.data, { firstRespondedAt: o.at, slaVersion: { increment: 1 } });
    transitions = slaTransitions(previous, sla.clocks);
  }
  if (row.status === 'NEW') {
    data.status = 'OPEN';
    history.push({ tenantId: o.tenantId, ticketId: row.id, actorId: o.actorId, field: 'status', fromValue: 'NEW', toValue: 'OPEN', createdAt: o.at });
  }
  return { data, history, transitions };
};
