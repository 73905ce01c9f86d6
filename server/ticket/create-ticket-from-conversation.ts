import type { TicketDto, TicketPriority } from '../../src/contracts/ticket.ts';
import type { Deps } from '../deps.ts';
import { conversationNotFound } from '../conversation/get-conversation.ts';
import { writeWithEvents } from '../realtime/write-with-events.ts';
import { afterTicketWrite } from './after-ticket-write.ts';
import { insertTicket, TICKET_CREATION } from './create-ticket.ts';

/** The newest messages carried over; older ones stay readable in the linked conversation. */
const TRANSCRIPT_MESSAGES = 100;
const DESCRIPTION_LIMIT = 20_000;

const stamp = (d: Date) => d.toISOString().slice(0, 16).replace('T', ' ');

/**
 * "Create ticket" from a WhatsApp conversation: the transcript (customer, agents and AI, not
 * internal notes) becomes the description, and the ticket links the conversation and its
 * contact so public replies go back through it.
 */
export const createTicketFromConversation = async (
  deps: Deps,
  o: { tenantId: string; actorId: string; conversationId: string; subject?: string; priority: TicketPriority; assigneeId?: string | null; tags: string[] },
): Promise<TicketDto> => {
  const { ticket, followUp } = await writeWithEvents(deps, o.tenantId, async (tx) => {
    const conversation = await tx.conversation.findFirst({ where: { id: o.conversationId, tenantId: o.tenantId }, include: { contact: true } });
    if (!conversation) throw conversationNotFound();
    const messages = await tx.message.findMany({
      where: { tenantId: o.tenantId, conversationId: conversation.id, isNote: false },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: TRANSCRIPT_MESSAGES,
      include: { sender: { select: { name: true } } },
    });
    const customer = conversation.contact.name || conversation.contact.phone;
    const lines = messages.reverse().map((m) => {
      const who = m.direction === 'INBOUND' ? customer : m.aiAgentId ? 'AI agent' : (m.sender?.name ?? 'Agent');
      return `[${stamp(m.createdAt)}] ${who}: ${m.body || `(${m.type})`}`;
    });
    let description = `Transcript of the WhatsApp conversation with ${customer} (${conversation.contact.phone}):\n\n${lines.join('\n')}`;
    // Keep the newest part when it is long: that is what the ticket is about.
    if (description.length > DESCRIPTION_LIMIT) description = `…${description.slice(description.length - DESCRIPTION_LIMIT + 1)}`;
    const created = await insertTicket(tx, deps, {
      tenantId: o.tenantId,
      actorId: o.actorId,
      subject: o.subject ?? `WhatsApp: ${customer}`.slice(0, 200),
      description,
      priority: o.priority,
      assigneeId: o.assigneeId,
      contactId: conversation.contactId,
      conversationId: conversation.id,
      tags: o.tags,
    });
    return { result: created, events: created.events };
  }, TICKET_CREATION);
  await afterTicketWrite(deps, [followUp]);
  return ticket;
};
