import type { Deps } from '../deps.ts';
import { writeWithEvents } from '../realtime/write-with-events.ts';
import { afterTicketWrite } from './after-ticket-write.ts';
import { applyTicketChanges, lockTicket } from './update-ticket.ts';

/**
 * A customer's message on a conversation reopens its tickets that were pending (waiting on the
 * customer), as a helpdesk does when the customer answers: the SLA clocks run again and the
 * history shows the change by Switchboard. A ticket that moved on meanwhile (an agent resolved
 * it) is left as it is: the status is checked under the ticket's lock. Runs after the message
 * has committed; running it twice changes nothing.
 */
export const reopenOnCustomerReply = async (deps: Deps, { tenantId, conversationId }: { tenantId: string; conversationId: string }): Promise<void> => {
  const pending = await deps.db.ticket.findMany({ where: { tenantId, conversationId, status: 'PENDING' }, select: { id: true } });
  for (const { id } of pending) {
    const followUp = await writeWithEvents(deps, tenantId, async (tx) => {
      const row = await lockTicket(tx, tenantId, id);
      if (row.status !== 'PENDING') return { result: null, events: [] };
      const applied = await applyTicketChanges(tx, { tenantId, actorId: null, ticketId: id, changes: { status: 'OPEN' } });
      return { result: applied.followUp, events: applied.events };
    });
    if (followUp) await afterTicketWrite(deps, [followUp]);
  }
};
