import type { EventDraft } from '../../src/contracts/events.ts';
import type { TicketDto } from '../../src/contracts/ticket.ts';
import type { Tx } from '../db/client.ts';
import { notify } from '../notification/notify.ts';
import type { SlaTransition } from './ticket-sla.ts';

/**
 * Events and assignee notifications for clocks that just crossed into at-risk or breached. Called
 * by the write that stored the new state (a timer, or a change such as a priority raise); the
 * dedupe key ties each notification to that stored version, so a retried write adds none.
 */
export const recordSlaTransitions = async (tx: Tx, tenantId: string, ticket: TicketDto, transitions: SlaTransition[], actorId: string | null): Promise<EventDraft[]> => {
  const events: EventDraft[] = [];
  for (const t of transitions) {
    events.push(
      t.to === 'breached'
        ? { type: 'ticket.sla_breached', actorId, payload: { ticket, clock: t.clock } }
        : { type: 'ticket.sla_at_risk', actorId, payload: { ticket, clock: t.clock } },
    );
    events.push(
      ...(await notify(tx, {
        tenantId,
        userId: ticket.assignee?.id ?? null,
        kind: t.to === 'breached' ? 'sla_breached' : 'sla_at_risk',
        ticket: { id: ticket.id, number: ticket.number, subject: ticket.subject },
        actor: null,
        dedupeKey: `sla.${t.to}.${ticket.id}.${t.clock}.${ticket.slaVersion}`,
      })),
    );
  }
  return events;
};
