import type { EventDraft } from '../../src/contracts/events.ts';
import type { CreateTicketInput, TicketDto, TicketPriority } from '../../src/contracts/ticket.ts';
import type { Tx } from '../db/client.ts';
import type { Deps } from '../deps.ts';
import { notify } from '../notification/notify.ts';
import { writeWithEvents } from '../realtime/write-with-events.ts';
import { afterTicketWrite, followUpOf } from './after-ticket-write.ts';
import { ticketInclude, toTicketDto } from './ticket-dto.ts';
import { requireAssignee, requireContact, requireTicketConversation } from './ticket-refs.ts';
import { loadSlaContext, slaColumns } from './ticket-sla.ts';

/** Creations in one workspace queue on its number counter: let them wait in line rather than fail. */
export const TICKET_CREATION = { transaction: { maxWait: 15_000, timeout: 30_000 } } as const;

export const PRIORITY_RANK: Record<TicketPriority, number> = { LOW: 0, NORMAL: 1, HIGH: 2, URGENT: 3 };

export type NewTicket = {
  tenantId: string;
  actorId: string;
  subject: string;
  description: string;
  priority: TicketPriority;
  assigneeId?: string | null;
  contactId?: string | null;
  conversationId?: string | null;
  tags: string[];
};

/**
 * Allocates the workspace's next ticket number. The counter row is bumped inside the creating
 * transaction, so its lock orders concurrent creations and a rollback gives the number back:
 * numbers stay unique and gap-free (a sequence would leave holes on every failed insert).
 */
const nextTicketNumber = async (tx: Tx, tenantId: string): Promise<number> => {
  const [row] = await tx.$queryRaw<Array<{ lastNumber: number }>>`
    INSERT INTO "TicketCounter" ("tenantId", "lastNumber") VALUES (${tenantId}::uuid, 1001)
    ON CONFLICT ("tenantId") DO UPDATE SET "lastNumber" = "TicketCounter"."lastNumber" + 1
    RETURNING "lastNumber"`;
  if (!row) throw new Error(`ticket counter not bumped for ${tenantId}`);
  return row.lastNumber;
};

/** Inserts a ticket inside the caller's transaction: number, SLA clocks, history line, assignee notification, events. */
export const insertTicket = async (tx: Tx, deps: Pick<Deps, 'openai'>, t: NewTicket) => {
  const assignee = t.assigneeId ? await requireAssignee(tx, t.tenantId, t.assigneeId) : null;
  let contactId = t.contactId ?? null;
  if (contactId) await requireContact(tx, t.tenantId, contactId);
  if (t.conversationId) {
    const conversation = await requireTicketConversation(tx, t.tenantId, t.conversationId);
    contactId ??= conversation.contactId;
  }
  const ctx = await loadSlaContext(tx, t.tenantId);
  // Last before the insert: the counter's row lock is held until commit, so concurrent creations
  // queue only for the insert and the event append, not for the reads above.
  const number = await nextTicketNumber(tx, t.tenantId);
  const now = new Date();
  const sla = slaColumns({ createdAt: now, priority: t.priority, firstRespondedAt: null, resolvedAt: null, pauses: [], previous: null }, ctx, now);
  const row = await tx.ticket.create({
    data: {
      tenantId: t.tenantId,
      number,
      subject: t.subject,
      description: t.description,
      priority: t.priority,
      priorityRank: PRIORITY_RANK[t.priority],
      assigneeId: assignee?.id ?? null,
      contactId,
      conversationId: t.conversationId ?? null,
      createdById: t.actorId,
      tags: t.tags,
      createdAt: now,
      ...sla.data,
      // The first analysis request: the ticket shows "analysing…" from its first moment.
      ...(deps.openai ? { analysisStatus: 'PENDING', analysisVersion: 1 } : {}),
    },
    include: ticketInclude,
  });
  await tx.ticketActivity.create({ data: { tenantId: t.tenantId, ticketId: row.id, actorId: t.actorId, field: 'created', fromValue: null, toValue: `#${number}` } });
  const ticket = toTicketDto(row);
  const actor = row.createdBy;
  const events: EventDraft[] = [{ type: 'ticket.created', actorId: t.actorId, payload: { ticket } }];
  events.push(...(await notify(tx, { tenantId: t.tenantId, userId: assignee?.id ?? null, kind: 'assigned', ticket, actor })));
  return { ticket, followUp: followUpOf(row), events };
};

export const createTicket = async (deps: Deps, input: CreateTicketInput & { tenantId: string; actorId: string }): Promise<TicketDto> => {
  const { ticket, followUp } = await writeWithEvents(deps, input.tenantId, async (tx) => {
    const created = await insertTicket(tx, deps, input);
    return { result: created, events: created.events };
  }, TICKET_CREATION);
  await afterTicketWrite(deps, [followUp]);
  return ticket;
};
