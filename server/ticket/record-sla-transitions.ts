import type { EventDraft } from '../../src/contracts/events.ts';
import type { TicketDto } from '../../src/contracts/ticket.ts';
import type { Tx } from '../db/client.ts';
import { notify } from '../notification/notify.ts';
import type { SlaTransition } from './ticket-sla.ts';

/**
 * Who hears of a clock at risk or breached: the assignee, or, for a ticket nobody is assigned,
 * the workspace's active supervisors and admins, who hand it out (else nobody would).
 */
const recipientsOf = async (tx: Tx, tenantId: string, ticket: TicketDto): Promise<string[]> => {
  if (ticket.assignee) return [ticket.assignee.id];
  const leads = await tx.user.findMany({ where: { tenantId, status: 'ACTIVE', role: { in: ['SUPERVISOR', 'ADMIN'] } }, select: { id: true } });
  return leads.map((u) => u.id);
};

/**
 * Events and notifications for clocks that just crossed into at-risk or breached. Called by the
 * write that stored the new state (a timer, or a change such as a priority raise); the dedupe key
 * ties each notification to that stored version (and recipient), so a retried write adds none.
 */
export const recordSlaTransitions = async (tx: Tx, tenantId: string, ticket: TicketDto, transitions: SlaTransition[], actorId: string | null): Promise<EventDraft[]> => {
  const events: EventDraft[] = [];
  const recipients = transitions.length > 0 ? await recipientsOf(tx, tenantId, ticket) : [];
  for (const t of transitions) {
    events.push(
      t.to === 'breached'
        ? { type: 'ticket.sla_breached', actorId, payload: { ticket, clock: t.clock } }
        : { type: 'ticket.sla_at_risk', actorId, payload: { ticket, clock: t.clock } },
    );
    const dedupeKey = `sla.${t.to}.${ticket.id}.${t.clock}.${ticket.slaVersion}`;
    for (const userId of recipients) {
      events.push(
        ...(await notify(tx, {
          tenantId,
          userId,
          kind: t.to === 'breached' ? 'sla_breached' : 'sla_at_risk',
          ticket: { id: ticket.id, number: ticket.number, subject: ticket.subject },
          actor: null,
          dedupeKey: ticket.assignee ? dedupeKey : `${dedupeKey}.${userId}`,
        })),
      );
    }
  }
  return events;
};
