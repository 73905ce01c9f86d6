import { randomUUID } from 'node:crypto';
import type { EventDraft } from '../../src/contracts/events.ts';
import type { TicketCommentDto } from '../../src/contracts/ticket.ts';
import type { Role } from '../../src/domain/roles.ts';
import { AppError } from '../../src/errors.ts';
import type { Prisma } from '../db/generated/client.ts';
import type { Deps } from '../deps.ts';
import { sendText } from '../conversation/send-message.ts';
import { sendEmail } from '../email/send-email.ts';
import { notify } from '../notification/notify.ts';
import { writeWithEvents } from '../realtime/write-with-events.ts';
import { afterTicketWrite, followUpOf } from './after-ticket-write.ts';
import { requireTicket } from './get-ticket.ts';
import { analysisRequest } from './ticket-analysis.ts';
import { answeredChanges } from './first-response.ts';
import { ticketInclude, toActivityDto, toCommentDto, toTicketDto } from './ticket-dto.ts';
import { recordSlaTransitions } from './record-sla-transitions.ts';
import { lockTicket } from './update-ticket.ts';

export const NOT_DELIVERED_NO_CHANNEL = 'No linked conversation or contact to email: the customer has not received this.';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** A plain-text reply as the email's HTML: one paragraph per blank-line block, line breaks kept. */
const replyHtml = (body: string) =>
  body
    .split(/\n{2,}/)
    .map((block) => `<p>${escapeHtml(block).replace(/\n/g, '<br>')}</p>`)
    .join('');

type Options = {
  tenantId: string;
  actorId: string;
  actorRole: Role;
  ticketId: string;
  body: string;
  visibility: 'public' | 'internal';
  clientCommentId?: string;
};

/**
 * Adds a comment. A public reply on a ticket linked to a conversation goes out through that
 * conversation's WhatsApp send path (`sendText`), under the conversation's ownership rules: it
 * claims a queued conversation for the replying agent, is refused while the AI answers it (take
 * over first) or while another agent owns it. One writer to the customer at a time keeps the
 * takeover guarantee (no AI message after a takeover) true whichever screen the reply comes from.
 * Without a conversation it is emailed to the ticket's contact (`sendEmail`: the workspace's
 * sender, the dev outbox without SendGrid; refused for a contact without an address or marked
 * do-not-email). A refused send stores nothing. With neither, it is stored as not delivered.
 *
 * The first public reply stops the first-response clock; a reply opens a NEW ticket. Any comment
 * asks for a fresh AI analysis and notifies the assignee.
 */
export const addTicketComment = async (deps: Deps, o: Options): Promise<TicketCommentDto> => {
  const commentId = o.clientCommentId ?? randomUUID();
  const existing = await deps.db.ticketComment.findUnique({ where: { id: commentId } });
  if (existing) {
    // A retried submit: the same comment, not a second one (and never another tenant's).
    if (existing.tenantId !== o.tenantId || existing.ticketId !== o.ticketId) throw new AppError('CONFLICT', { userMessage: 'That comment id is already taken: generate a new one.' });
    const ticket = await deps.db.ticket.findFirstOrThrow({ where: { id: o.ticketId, tenantId: o.tenantId }, select: { conversationId: true } });
    const author = existing.authorId ? await deps.db.user.findFirst({ where: { id: existing.authorId, tenantId: o.tenantId }, select: { id: true, name: true } }) : null;
    return toCommentDto(existing, author, ticket.conversationId);
  }
  await requireTicket(deps, o.tenantId, o.ticketId);
  let messageId: string | null = null;
  let emailId: string | null = null;
  if (o.visibility === 'public') {
    const link = await deps.db.ticket.findFirstOrThrow({
      where: { id: o.ticketId, tenantId: o.tenantId },
      select: { conversationId: true, contactId: true, number: true, subject: true },
    });
    if (link.conversationId) {
      // The comment id doubles as the message's client id: a retry after a lost answer sends nothing twice.
      const message = await sendText(deps, { tenantId: o.tenantId, actorId: o.actorId, actorRole: o.actorRole, conversationId: link.conversationId, body: o.body, clientMessageId: commentId });
      messageId = message.id;
    } else if (link.contactId) {
      // Likewise the email's client id: a retried reply is one email.
      const email = await sendEmail(
        deps,
        { tenantId: o.tenantId, actorId: o.actorId },
        { contactId: link.contactId, subject: `[#${link.number}] ${link.subject}`, html: replyHtml(o.body), clientEmailId: commentId },
      );
      emailId = email.id;
    }
  }
  const { comment, followUp } = await writeWithEvents(
    deps,
    o.tenantId,
    async (tx) => {
      const row = await lockTicket(tx, o.tenantId, o.ticketId);
      // A twin submit that committed first (same client id, raced past the check above).
      const twin = await tx.ticketComment.findFirst({ where: { id: commentId, tenantId: o.tenantId, ticketId: row.id } });
      if (twin) {
        const author = twin.authorId ? await tx.user.findFirst({ where: { id: twin.authorId, tenantId: o.tenantId }, select: { id: true, name: true } }) : null;
        return { result: { comment: toCommentDto(twin, author, row.conversationId), followUp: followUpOf(row) }, events: [] };
      }
      const now = new Date();
      const isPublic = o.visibility === 'public';
      const created = await tx.ticketComment.create({
        data: {
          id: commentId,
          tenantId: o.tenantId,
          ticketId: row.id,
          authorId: o.actorId,
          internal: !isPublic,
          body: o.body,
          messageId,
          emailId,
          deliveryNote: isPublic && !messageId && !emailId ? NOT_DELIVERED_NO_CHANNEL : null,
          createdAt: now,
        },
      });
      // A public reply answers the customer; an internal note does not.
      const answered = isPublic ? await answeredChanges(tx, { tenantId: o.tenantId, actorId: o.actorId, row, at: now }) : { data: {}, history: [], transitions: [] };
      const data: Prisma.TicketUncheckedUpdateInput = { commentCount: { increment: 1 }, ...analysisRequest(deps), ...answered.data };
      const historyLines = answered.history;
      const transitions = answered.transitions;
      const updated = await tx.ticket.update({ where: { id: row.id }, data, include: ticketInclude });
      const history = historyLines.length ? await tx.ticketActivity.createManyAndReturn({ data: historyLines }) : [];
      const author = await tx.user.findFirst({ where: { id: o.actorId, tenantId: o.tenantId }, select: { id: true, name: true } });
      const ticket = toTicketDto(updated);
      const comment = toCommentDto(created, author, updated.conversationId);
      const events: EventDraft[] = [{ type: 'ticket.comment_added', actorId: o.actorId, payload: { ticket, comment } }];
      if (history.length) events.push({ type: 'ticket.updated', actorId: o.actorId, payload: { ticket, changes: history.map((a) => toActivityDto(a, author)) } });
      events.push(...(await recordSlaTransitions(tx, o.tenantId, ticket, transitions, o.actorId)));
      events.push(...(await notify(tx, { tenantId: o.tenantId, userId: updated.assigneeId, kind: 'commented', ticket, actor: author })));
      return { result: { comment, followUp: followUpOf(updated) }, events };
    },
    { retryOnUniqueViolation: true },
  );
  await afterTicketWrite(deps, [followUp]);
  return comment;
};
