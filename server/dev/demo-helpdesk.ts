import type { Deps } from '../deps.ts';
import { addTicketComment } from '../ticket/add-ticket-comment.ts';
import { createTicketFromConversation } from '../ticket/create-ticket-from-conversation.ts';
import { createTicket } from '../ticket/create-ticket.ts';
import { updateSlaPolicies } from '../ticket/manage-sla-policies.ts';
import { updateTicket } from '../ticket/update-ticket.ts';

/**
 * A helpdesk to look at on a fresh start: SLA targets per priority (business minutes on the
 * default Mon–Fri 09:00–17:00 calendar), a ticket made from a demo conversation, and a few
 * others in different states, so the list, filters and SLA badges have something to show.
 */
export const seedDemoHelpdesk = async (deps: Deps, o: { tenantId: string; actorId: string }): Promise<void> => {
  const actor = { tenantId: o.tenantId, actorId: o.actorId };
  await updateSlaPolicies(deps, {
    ...actor,
    policies: [
      { priority: 'URGENT', firstResponseMinutes: 30, resolutionMinutes: 240 },
      { priority: 'HIGH', firstResponseMinutes: 60, resolutionMinutes: 480 },
      { priority: 'NORMAL', firstResponseMinutes: 240, resolutionMinutes: 1440 },
      { priority: 'LOW', firstResponseMinutes: null, resolutionMinutes: 2880 },
    ],
  });
  const order = await deps.db.conversation.findFirst({ where: { tenantId: o.tenantId, contact: { name: 'Priya Raman' } }, select: { id: true } });
  if (order) {
    await createTicketFromConversation(deps, { ...actor, conversationId: order.id, subject: 'Order #1042 has not arrived', priority: 'HIGH', assigneeId: o.actorId, tags: ['delivery'] });
  }
  const urgent = await createTicket(deps, {
    ...actor,
    subject: 'Payment page shows an error at checkout',
    description: 'Two customers reported "card declined" although their bank approved the payment.',
    priority: 'URGENT',
    tags: ['billing', 'checkout'],
  });
  await addTicketComment(deps, { ...actor, actorRole: 'ADMIN', ticketId: urgent.id, visibility: 'internal', body: 'Payment provider status page shows degraded service since 10:40.' });
  const pending = await createTicket(deps, { ...actor, subject: 'Warranty claim: wobbly chair leg', description: 'Customer will send photos of the damage.', priority: 'NORMAL', tags: ['warranty'] });
  await updateTicket(deps, { ...actor, ticketId: pending.id, status: 'PENDING' });
  await createTicket(deps, { ...actor, subject: 'Ask for a fabric sample catalogue', description: '', priority: 'LOW', tags: ['sales'] });
};
