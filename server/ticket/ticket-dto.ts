import type {
  SlaClockDto,
  TicketActivityDto,
  TicketAnalysisResult,
  TicketCommentDto,
  TicketDto,
  TicketField,
} from '../../src/contracts/ticket.ts';
import { timelineTicketOf, type TimelineTicketDto } from '../../src/contracts/contact.ts';
import { AppError } from '../../src/errors.ts';
import type { Tx } from '../db/client.ts';
import type { Ticket, TicketActivity, TicketComment } from '../db/generated/client.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const ticketInclude = {
  assignee: { select: { id: true, name: true } },
  createdBy: { select: { id: true, name: true } },
  contact: { select: { id: true, name: true, phone: true } },
} as const;

export type TicketRow = Ticket & {
  assignee: { id: string; name: string } | null;
  createdBy: { id: string; name: string } | null;
  contact: { id: string; name: string; phone: string | null } | null;
};

/** Stored in Ticket.slaClocks: both clocks as last computed. */
export type StoredClocks = { firstResponse: SlaClockDto; resolution: SlaClockDto };

const NO_CLOCK: SlaClockDto = { state: 'none', dueAt: null, atRiskAt: null, elapsedMinutes: 0, targetMinutes: null };

export const ticketNotFound = () => new AppError('NOT_FOUND', { userMessage: 'Ticket not found.' });

export const toTicketDto = (t: TicketRow): TicketDto => {
  const clocks = (t.slaClocks as StoredClocks | null) ?? { firstResponse: NO_CLOCK, resolution: NO_CLOCK };
  return {
    id: t.id,
    number: t.number,
    subject: t.subject,
    description: t.description,
    status: t.status,
    priority: t.priority,
    assignee: t.assignee,
    contact: t.contact ? { id: t.contact.id, name: t.contact.name, phone: t.contact.phone ?? '' } : null,
    conversationId: t.conversationId,
    tags: t.tags,
    sla: { state: t.slaState, dueAt: iso(t.slaDueAt), firstResponse: clocks.firstResponse, resolution: clocks.resolution },
    slaVersion: t.slaVersion,
    analysis: {
      status: t.analysisStatus,
      result: (t.analysisResult as TicketAnalysisResult | null) ?? null,
      error: t.analysisError,
      analysedAt: iso(t.analysedAt),
    },
    createdBy: t.createdBy,
    firstRespondedAt: iso(t.firstRespondedAt),
    resolvedAt: iso(t.resolvedAt),
    commentCount: t.commentCount,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
  };
};

/** The slim snapshot a contact's timeline shows (no description, history or analysis). */
export const toTimelineTicket = (t: TicketRow): TimelineTicketDto => timelineTicketOf(toTicketDto(t));

/** A ticket's DTO read inside a transaction. */
export const loadTicketDto = async (tx: Tx, tenantId: string, ticketId: string): Promise<TicketDto> => {
  const row = await tx.ticket.findFirst({ where: { id: ticketId, tenantId }, include: ticketInclude });
  if (!row) throw ticketNotFound();
  return toTicketDto(row);
};

export const toActivityDto = (a: TicketActivity, actor: { id: string; name: string } | null): TicketActivityDto => ({
  id: a.id,
  ticketId: a.ticketId,
  actor,
  field: a.field as TicketField,
  from: a.fromValue,
  to: a.toValue,
  createdAt: a.createdAt.toISOString(),
});

export const toCommentDto = (c: TicketComment, author: { id: string; name: string } | null, conversationId: string | null): TicketCommentDto => ({
  id: c.id,
  ticketId: c.ticketId,
  visibility: c.internal ? 'internal' : 'public',
  author,
  body: c.body,
  delivery: c.internal
    ? { kind: 'internal' }
    : c.messageId && conversationId
      ? { kind: 'whatsapp', conversationId, messageId: c.messageId }
      : c.emailId
        ? { kind: 'email', emailId: c.emailId }
        : { kind: 'not_delivered', reason: c.deliveryNote ?? 'Not sent.' },
  createdAt: c.createdAt.toISOString(),
});

/** Names of the given users in this tenant, for history and comment authors. */
export const userNames = async (tx: Pick<Tx, 'user'>, tenantId: string, ids: Array<string | null>): Promise<Map<string, { id: string; name: string }>> => {
  const unique = [...new Set(ids.filter((id): id is string => id !== null))];
  if (unique.length === 0) return new Map();
  const users = await tx.user.findMany({ where: { tenantId, id: { in: unique } }, select: { id: true, name: true } });
  return new Map(users.map((u) => [u.id, u]));
};
