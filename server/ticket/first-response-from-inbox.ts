import type { EventDraft } from '../../src/contracts/events.ts';
import { isResolved } from '../../src/domain/ticket-status.ts';
import type { Deps } from '../deps.ts';
import { writeWithEvents } from '../realtime/write-with-events.ts';
import { afterTicketWrite, followUpOf } from './after-ticket-write.ts';
import { answeredChanges } from './first-response.ts';
import { recordSlaTransitions } from './record-sla-transitions.ts';
import { ticketInclude, toActivityDto, toTicketDto } from './ticket-dto.ts';
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
): Promise<void> => {
  const waiting = await deps.db.ticket.findMany({
    where: { tenantId: o.tenantId, conversationId: o.conversationId, firstRespondedAt: null, status: { notIn: ['RESOLVED', 'CLOSED'] } },
    select: { id: true },
  });
  for (const { id } of waiting) {
    const followUp = await writeWithEvents(deps, o.tenantId, async (tx) => {
      const row = await lockTicket(tx, o.tenantId, id);
      if (row.firstRespondedAt || isResolved(row.status)) return { result: null, events: [] };
      const answered = await answeredChanges(tx, { tenantId: o.tenantId, actorId: o.actorId, row, at: o.at });
      const updated = await tx.ticket.update({ where: { id }, data: answered.data, include: ticketInclude });
      const history = answered.history.length ? await tx.ticketActivity.createManyAndReturn({ data: answered.history }) : [];
      const actor = await tx.user.findFirst({ where: { id: o.actorId, tenantId: o.tenantId }, select: { id: true, name: true } });
      const ticket = toTicketDto(updated);
      const events: EventDraft[] = [{ type: 'ticket.updated', actorId: o.actorId, payload: { ticket, changes: history.map((a) => toActivityDto(a, actor)) } }];
      events.push(...(await recordSlaTransitions(tx, o.tenantId, ticket, answered.transitions, o.actorId)));
      return { result: followUpOf(updated), events };
    });
    if (followUp) await afterTicketWrite(deps, [followUp]);
  }
};
