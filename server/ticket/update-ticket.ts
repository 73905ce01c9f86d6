import type { EventDraft } from '../../src/contracts/events.ts';
import type { TicketActivityDto, TicketDto, TicketField, TicketPriority, TicketStatus } from '../../src/contracts/ticket.ts';
import { isResolved, pausesSla, statusTransition } from '../../src/domain/ticket-status.ts';
import { AppError } from '../../src/errors.ts';
import type { Tx } from '../db/client.ts';
import type { Prisma } from '../db/generated/client.ts';
import type { Deps } from '../deps.ts';
import { notify } from '../notification/notify.ts';
import { writeWithEvents } from '../realtime/write-with-events.ts';
import { afterTicketWrite, followUpOf, type TicketFollowUp } from './after-ticket-write.ts';
import { PRIORITY_RANK } from './create-ticket.ts';
import { recordSlaTransitions } from './record-sla-transitions.ts';
import { ticketInclude, ticketNotFound, toActivityDto, toTicketDto, type StoredClocks } from './ticket-dto.ts';
import { requireAssignee } from './ticket-refs.ts';
import { loadSlaContext, pausesOf, slaColumns, slaTransitions, type Pause } from './ticket-sla.ts';

export type TicketChanges = {
  subject?: string;
  status?: TicketStatus;
  priority?: TicketPriority;
  assigneeId?: string | null;
  tags?: string[];
  contactId?: string | null;
};

type Line = { field: TicketField; from: string | null; to: string | null };

const sameTags = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');

/** Locks the ticket row: concurrent changes to one ticket apply one after the other, each seeing the last. */
export const lockTicket = async (tx: Tx, tenantId: string, ticketId: string) => {
  await tx.$queryRaw`SELECT 1 FROM "Ticket" WHERE id = ${ticketId}::uuid AND "tenantId" = ${tenantId}::uuid FOR UPDATE`;
  const row = await tx.ticket.findFirst({ where: { id: ticketId, tenantId }, include: ticketInclude });
  if (!row) throw ticketNotFound();
  return row;
};

/**
 * Applies field changes inside the caller's transaction: the status rule, SLA pauses and
 * resolution, recomputed clocks (slaVersion bumped when they may have moved), one history line
 * per changed field, and notifications. Unchanged values are ignored; no change, no write.
 */
export const applyTicketChanges = async (
  tx: Tx,
  o: { tenantId: string; actorId: string | null; ticketId: string; changes: TicketChanges; now?: Date },
): Promise<{ ticket: TicketDto; changes: TicketActivityDto[]; followUp: TicketFollowUp | null; events: EventDraft[] }> => {
  const row = await lockTicket(tx, o.tenantId, o.ticketId);
  const now = o.now ?? new Date();
  const c = o.changes;
  const data: Prisma.TicketUncheckedUpdateInput = {};
  const lines: Line[] = [];
  let slaInputsChanged = false;
  let pauses: Pause[] = pausesOf(row);
  let resolvedAt = row.resolvedAt;
  let newAssignee: { id: string; name: string } | null = null;

  if (c.subject !== undefined && c.subject !== row.subject) {
    data.subject = c.subject;
    lines.push({ field: 'subject', from: row.subject, to: c.subject });
  }
  if (c.status !== undefined && c.status !== row.status) {
    const verdict = statusTransition(row.status, c.status);
    if (!verdict.ok) throw new AppError('INVALID_STATE', { userMessage: verdict.userMessage, message: `ticket ${row.id}: ${row.status} -> ${c.status}` });
    data.status = c.status;
    lines.push({ field: 'status', from: row.status, to: c.status });
    // Pending stops the clocks (we wait on the customer); leaving it closes the pause.
    if (pausesSla(c.status) && !pausesSla(row.status)) pauses = [...pauses, { from: now.toISOString(), to: null }];
    if (!pausesSla(c.status) && pausesSla(row.status)) pauses = pauses.map((p) => (p.to === null ? { ...p, to: now.toISOString() } : p));
    if (isResolved(c.status) && !isResolved(row.status)) resolvedAt = now;
    // Reopening resumes the clocks where they stopped: the resolved period becomes a pause, so
    // the time the ticket sat resolved does not count against it.
    if (!isResolved(c.status) && isResolved(row.status)) {
      if (row.resolvedAt) pauses = [...pauses, { from: row.resolvedAt.toISOString(), to: now.toISOString() }];
      resolvedAt = null;
    }
    data.slaPauses = pauses as unknown as Prisma.InputJsonValue;
    data.resolvedAt = resolvedAt;
    slaInputsChanged = true;
  }
  if (c.priority !== undefined && c.priority !== row.priority) {
    data.priority = c.priority;
    data.priorityRank = PRIORITY_RANK[c.priority];
    lines.push({ field: 'priority', from: row.priority, to: c.priority });
    slaInputsChanged = true;
  }
  if (c.assigneeId !== undefined && c.assigneeId !== row.assigneeId) {
    newAssignee = c.assigneeId ? await requireAssignee(tx, o.tenantId, c.assigneeId) : null;
    data.assigneeId = newAssignee?.id ?? null;
    lines.push({ field: 'assignee', from: row.assignee?.name ?? null, to: newAssignee?.name ?? null });
  }
  if (c.tags !== undefined && !sameTags(c.tags, row.tags)) {
    data.tags = c.tags;
    lines.push({ field: 'tags', from: row.tags.join(', ') || null, to: c.tags.join(', ') || null });
  }
  if (c.contactId !== undefined && c.contactId !== row.contactId) {
    const contact = c.contactId ? await tx.contact.findFirst({ where: { id: c.contactId, tenantId: o.tenantId }, select: { id: true, name: true, phone: true } }) : null;
    if (c.contactId && !contact) throw new AppError('NOT_FOUND', { userMessage: 'Contact not found.' });
    data.contactId = contact?.id ?? null;
    const label = (x: { name: string; phone: string | null } | null) => (x ? x.name || x.phone || 'a contact' : null);
    lines.push({ field: 'contact', from: label(row.contact), to: label(contact) });
  }
  if (lines.length === 0) return { ticket: toTicketDto(row), changes: [], followUp: null, events: [] };

  let transitions: ReturnType<typeof slaTransitions> = [];
  if (slaInputsChanged) {
    const sla = slaColumns(
      { createdAt: row.createdAt, priority: c.priority ?? row.priority, firstRespondedAt: row.firstRespondedAt, resolvedAt, pauses, previous: row.slaClocks as StoredClocks | null },
      await loadSlaContext(tx, o.tenantId),
      now,
    );
    Object.assign(data, sla.data, { slaVersion: { increment: 1 } });
    transitions = slaTransitions(row.slaClocks as StoredClocks | null, sla.clocks);
  }
  const updated = await tx.ticket.update({ where: { id: row.id }, data, include: ticketInclude });
  const written = await tx.ticketActivity.createManyAndReturn({
    data: lines.map((l) => ({ tenantId: o.tenantId, ticketId: row.id, actorId: o.actorId, field: l.field, fromValue: l.from, toValue: l.to, createdAt: now })),
  });
  const actor = o.actorId ? await tx.user.findFirst({ where: { id: o.actorId, tenantId: o.tenantId }, select: { id: true, name: true } }) : null;
  const ticket = toTicketDto(updated);
  const changes = written.map((a) => toActivityDto(a, actor));
  const events: EventDraft[] = [{ type: 'ticket.updated', actorId: o.actorId, payload: { ticket, changes } }];
  events.push(...(await recordSlaTransitions(tx, o.tenantId, ticket, transitions, o.actorId)));
  if (newAssignee) events.push(...(await notify(tx, { tenantId: o.tenantId, userId: newAssignee.id, kind: 'assigned', ticket, actor })));
  return { ticket, changes, followUp: followUpOf(updated), events };
};

export const updateTicket = async (deps: Deps, o: { tenantId: string; actorId: string; ticketId: string } & TicketChanges): Promise<TicketDto> => {
  const { tenantId, actorId, ticketId, ...changes } = o;
  const { ticket, followUp } = await writeWithEvents(deps, tenantId, async (tx) => {
    const applied = await applyTicketChanges(tx, { tenantId, actorId, ticketId, changes });
    return { result: applied, events: applied.events };
  });
  if (followUp) await afterTicketWrite(deps, [followUp]);
  return ticket;
};
