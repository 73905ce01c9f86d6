import type { BulkUpdateResultDto, TicketStatus } from '../../src/contracts/ticket.ts';
import { AppError } from '../../src/errors.ts';
import type { Deps } from '../deps.ts';
import { writeWithEvents } from '../realtime/write-with-events.ts';
import { afterTicketWrite } from './after-ticket-write.ts';
import { ticketNotFound } from './ticket-dto.ts';
import { applyTicketChanges } from './update-ticket.ts';

/**
 * Assigns or moves many tickets. Ids are checked first (one that is not this workspace's refuses
 * the whole request, changing nothing); then each ticket changes in its own transaction, so one
 * the status rule refuses (e.g. closed → pending) is reported and the others still apply.
 */
export const bulkUpdateTickets = async (
  deps: Deps,
  o: { tenantId: string; actorId: string; ticketIds: string[]; status?: TicketStatus; assigneeId?: string | null },
): Promise<BulkUpdateResultDto> => {
  const ids = [...new Set(o.ticketIds)];
  const found = await deps.db.ticket.findMany({ where: { tenantId: o.tenantId, id: { in: ids } }, select: { id: true, number: true }, orderBy: { number: 'asc' } });
  if (found.length !== ids.length) throw ticketNotFound();
  const result: BulkUpdateResultDto = { updated: [], refused: [] };
  for (const { id, number } of found) {
    try {
      const applied = await writeWithEvents(deps, o.tenantId, async (tx) => {
        const r = await applyTicketChanges(tx, { tenantId: o.tenantId, actorId: o.actorId, ticketId: id, changes: { status: o.status, assigneeId: o.assigneeId } });
        return { result: r, events: r.events };
      });
      if (applied.followUp) await afterTicketWrite(deps, [applied.followUp]);
      result.updated.push(applied.ticket);
    } catch (err) {
      // A refused assignee is refused for every ticket alike: say so once, as for a single update.
      if (err instanceof AppError && err.code === 'INVALID_STATE') result.refused.push({ ticketId: id, number, message: err.userMessage });
      else throw err;
    }
  }
  return result;
};
