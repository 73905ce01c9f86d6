import type { EventDraft } from '../../src/contracts/events.ts';
import { isResolved } from '../../src/domain/ticket-status.ts';
import type { Prisma } from '../db/generated/client.ts';
import type { Deps } from '../deps.ts';
import { writeWithEvents } from '../realtime/write-with-events.ts';
import { afterTicketWrite, followUpOf } from './after-ticket-write.ts';
import { recordSlaTransitions } from './record-sla-transitions.ts';
import { ticketInclude, toActivityDto, toTicketDto, type StoredClocks } from './ticket-dto.ts';
import { loadSlaContext, pausesOf, slaColumns, slaTransitions } from './ticket-sla.ts';
import { lockTicket } from './update-ticket.ts';

/**
 * An agent's reply from the inbox answers the customer as much as a public reply on the ticket
 * does: it stops the first-response clock of the conversation's tickets that had none yet (and,
 * like that reply, opens a new one). Resolved and closed tickets are left alone. Runs after the
 * message has committed, one ticket at a time under its lock, so it takes locks in the order the
 * ticket's own writers do; running it twice changes nothing.
 */
export const recordInboxFirstResponse = async (
  deps: Deps,
  o: { tenantId: string; conversationId: string; actorId: string; at: Date },
): Promise<number> => {
  const waiting = await deps.db.ticket.findMany({
    where: { tenantId: o.tenantId, conversationId: o.conversationId, firstRespondedAt: null, status: { notIn: ['RESOLVED', 'CLOSED'] } },
    select: { id: true },
  });
  let recorded = 0;
  for (const { id } of waiting) {
    const followUp = await writeWithEvents(deps, o.tenantId, async (tx) => {
      const row = await lockTicket(tx, o.tenantId, id);
      if (row.firstRespondedAt || isResolved(row.status)) return { result: null, events: [] };
      const now = new Date();
      const sla = slaColumns(
        { createdAt: row.createdAt, priority: row.priority, firstRespondedAt: o.at, resolvedAt: row.resolvedAt, pauses: pausesOf(row), previous: row.slaClocks as StoredClocks | null },
        await loadSlaContext(tx, o.tenantId),
        now,
      );
      const opens = row.status === 'NEW';
      const data: Prisma.TicketUncheckedUpdateInput = { ...sla.data, firstRespondedAt: o.at, slaVersion: { increment: 1 }, ...(opens ? { status: 'OPEN' } : {}) };
      const updated = await tx.ticket.update({ where: { id }, data, include: ticketInclude });
      const history = opens
        ? await tx.ticketActivity.createManyAndReturn({
            data: [{ tenantId: o.tenantId, ticketId: id, actorId: o.actorId, field: 'status', fromValue: 'NEW', toValue: 'OPEN', createdAt: now }],
          })
        : [];
      const actor = await tx.user.findFirst({ where: { id: o.actorId, tenantId: o.tenantId }, select: { id: true, name: true } });
      const ticket = toTicketDto(updated);
      const events: EventDraft[] = [{ type: 'ticket.updated', actorId: o.actorId, payload: { ticket, changes: history.map((a) => toActivityDto(a, actor)) } }];
      events.push(...(await recordSlaTransitions(tx, o.tenantId, ticket, slaTransitions(row.slaClocks as StoredClocks | null, sla.clocks), o.actorId)));
      recorded++;
      return { result: followUpOf(updated), events };
    });
    if (followUp) await afterTicketWrite(deps, [followUp]);
  }
  return recorded;
};
