import type { EventDraft } from '../../src/contracts/events.ts';
import type { Deps } from '../deps.ts';
import { writeWithEvents } from '../realtime/write-with-events.ts';
import { recordSlaTransitions } from './record-sla-transitions.ts';
import { ticketInclude, toTicketDto, type StoredClocks } from './ticket-dto.ts';
import { loadSlaContext, pausesOf, scheduleSlaTimer, slaColumns, slaTransitions } from './ticket-sla.ts';

/** What decides whether a recomputation changed anything (elapsed minutes always move, and do not count). */
const fingerprint = (s: { slaState: string; slaDueAt: Date | null; slaNextTimerAt: Date | null; clocks: StoredClocks | null }) =>
  JSON.stringify([
    s.slaState,
    s.slaDueAt?.getTime() ?? null,
    s.slaNextTimerAt?.getTime() ?? null,
    ...(s.clocks ? [s.clocks.firstResponse, s.clocks.resolution].map((c) => [c.state, c.dueAt, c.atRiskAt, c.targetMinutes]) : []),
  ]);

/**
 * Recomputes a ticket's clocks at `now` and stores them when they changed, with a compare-and-set
 * on slaVersion under the row lock: of two workers running the same timer at once, the second
 * waits, then sees the version the first bumped and records nothing, so at-risk and breach fire once.
 * `expectedVersion` (a timer's) makes a stale timer a no-op. Returns whether it wrote.
 */
export const recomputeTicketSla = async (
  deps: Deps,
  o: { tenantId: string; ticketId: string; expectedVersion?: number; now: Date },
): Promise<boolean> => {
  const written = await writeWithEvents(deps, o.tenantId, async (tx) => {
    // Under the row lock the version check and the write are one step (and updatedAt, kept
    // below, cannot be overwritten with a value from before a concurrent edit).
    await tx.$queryRaw`SELECT 1 FROM "Ticket" WHERE id = ${o.ticketId}::uuid AND "tenantId" = ${o.tenantId}::uuid FOR UPDATE`;
    const row = await tx.ticket.findFirst({ where: { id: o.ticketId, tenantId: o.tenantId }, include: ticketInclude });
    if (!row || (o.expectedVersion !== undefined && row.slaVersion !== o.expectedVersion)) return { result: null, events: [] };
    const before = row.slaClocks as StoredClocks | null;
    const sla = slaColumns({ createdAt: row.createdAt, priority: row.priority, firstRespondedAt: row.firstRespondedAt, resolvedAt: row.resolvedAt, pauses: pausesOf(row), previous: before }, await loadSlaContext(tx, o.tenantId), o.now);
    if (fingerprint({ ...row, clocks: before }) === fingerprint({ ...sla.data, clocks: sla.clocks })) return { result: null, events: [] };
    const cas = await tx.ticket.updateMany({
      where: { id: row.id, tenantId: o.tenantId, slaVersion: row.slaVersion },
      // updatedAt stays: a clock ticking over is not a change anyone made.
      data: { ...sla.data, slaVersion: { increment: 1 }, updatedAt: row.updatedAt },
    });
    if (cas.count === 0) return { result: null, events: [] };
    const updated = await tx.ticket.findFirstOrThrow({ where: { id: row.id, tenantId: o.tenantId }, include: ticketInclude });
    const ticket = toTicketDto(updated);
    const transitions = slaTransitions(before, sla.clocks);
    const events: EventDraft[] = transitions.length ? [] : [{ type: 'ticket.updated', actorId: null, payload: { ticket, changes: [] } }];
    events.push(...(await recordSlaTransitions(tx, o.tenantId, ticket, transitions, null)));
    return { result: updated, events };
  });
  if (written) await scheduleSlaTimer(deps, written);
  return written !== null;
};
