import type { TicketDetailDto } from '../../src/contracts/ticket.ts';
import type { Deps } from '../deps.ts';
import { ticketInclude, ticketNotFound, toActivityDto, toCommentDto, toTicketDto, userNames } from './ticket-dto.ts';

/** Refuses a ticket id that is not this tenant's, exactly like one that does not exist. */
export const requireTicket = async (deps: Pick<Deps, 'db'>, tenantId: string, ticketId: string): Promise<void> => {
  const found = await deps.db.ticket.findFirst({ where: { id: ticketId, tenantId }, select: { id: true } });
  if (!found) throw ticketNotFound();
};

/** The detail page: the ticket, its comments and history (oldest first), and whether the AI is online. */
export const getTicketDetail = async (deps: Deps, { tenantId, ticketId }: { tenantId: string; ticketId: string }): Promise<TicketDetailDto> => {
  const row = await deps.db.ticket.findFirst({ where: { id: ticketId, tenantId }, include: ticketInclude });
  if (!row) throw ticketNotFound();
  const [comments, activities] = await Promise.all([
    deps.db.ticketComment.findMany({ where: { tenantId, ticketId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], take: 1000 }),
    deps.db.ticketActivity.findMany({ where: { tenantId, ticketId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], take: 1000 }),
  ]);
  const names = await userNames(deps.db, tenantId, [...comments.map((c) => c.authorId), ...activities.map((a) => a.actorId)]);
  const nameOf = (id: string | null) => (id ? (names.get(id) ?? null) : null);
  return {
    ticket: toTicketDto(row),
    comments: comments.map((c) => toCommentDto(c, nameOf(c.authorId), row.conversationId)),
    history: activities.map((a) => toActivityDto(a, nameOf(a.actorId))),
    aiOnline: deps.openai !== null,
  };
};
