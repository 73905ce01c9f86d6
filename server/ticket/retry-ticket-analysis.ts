import type { TicketDto } from '../../src/contracts/ticket.ts';
import { AppError } from '../../src/errors.ts';
import type { Deps } from '../deps.ts';
import { writeWithEvents } from '../realtime/write-with-events.ts';
import { afterTicketWrite, followUpOf } from './after-ticket-write.ts';
import { analysisRequest } from './ticket-analysis.ts';
import { ticketInclude, toTicketDto } from './ticket-dto.ts';
import { lockTicket } from './update-ticket.ts';

/** Asks for a fresh analysis (after a failure, or to refresh one): PENDING at once, the job does the rest. */
export const retryTicketAnalysis = async (deps: Deps, o: { tenantId: string; actorId: string; ticketId: string }): Promise<TicketDto> => {
  const { ticket, followUp } = await writeWithEvents(deps, o.tenantId, async (tx) => {
    const row = await lockTicket(tx, o.tenantId, o.ticketId);
    if (!deps.openai) throw new AppError('INVALID_STATE', { userMessage: 'The AI is offline: set OPENAI_API_KEY to analyse tickets.' });
    // Already running: asking again would only queue the same work.
    if (row.analysisStatus === 'PENDING') return { result: { ticket: toTicketDto(row), followUp: followUpOf(row) }, events: [] };
    // updatedAt stays: an analysis is not a change anyone made to the ticket.
    const updated = await tx.ticket.update({ where: { id: row.id }, data: { ...analysisRequest(deps), updatedAt: row.updatedAt }, include: ticketInclude });
    const ticket = toTicketDto(updated);
    return { result: { ticket, followUp: followUpOf(updated) }, events: [{ type: 'ticket.analysis_updated', actorId: o.actorId, payload: { ticket } }] };
  });
  await afterTicketWrite(deps, [followUp]);
  return ticket;
};
