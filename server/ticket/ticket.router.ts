import {
  ZAddTicketCommentInput,
  ZBulkUpdateTicketsInput,
  ZCreateTicketFromConversationInput,
  ZCreateTicketInput,
  ZListTicketsInput,
  ZTicketIdInput,
  ZUpdateBusinessCalendarInput,
  ZUpdateSlaPoliciesInput,
  ZUpdateTicketInput,
} from '../../src/contracts/ticket.ts';
import { t } from '../trpc/init.ts';
import { agentProcedure, supervisorProcedure } from '../trpc/procedures.ts';
import { addTicketComment } from './add-ticket-comment.ts';
import { bulkUpdateTickets } from './bulk-update-tickets.ts';
import { createTicketFromConversation } from './create-ticket-from-conversation.ts';
import { createTicket } from './create-ticket.ts';
import { getTicketDetail } from './get-ticket.ts';
import { listTicketTags, listTickets } from './list-tickets.ts';
import { getBusinessCalendar, updateBusinessCalendar } from './manage-business-calendar.ts';
import { listSlaPolicies, updateSlaPolicies } from './manage-sla-policies.ts';
import { retryTicketAnalysis } from './retry-ticket-analysis.ts';
import { updateTicket } from './update-ticket.ts';

const actor = (ctx: { tenantId: string; user: { id: string } }) => ({ tenantId: ctx.tenantId, actorId: ctx.user.id });

export const ticketRouter = t.router({
  list: agentProcedure.input(ZListTicketsInput).query(({ ctx, input }) => listTickets(ctx.deps, { ...input, tenantId: ctx.tenantId, userId: ctx.user.id })),
  /** Every tag in use in the workspace, for the filter. */
  tags: agentProcedure.query(({ ctx }) => listTicketTags(ctx.deps, { tenantId: ctx.tenantId })),
  get: agentProcedure.input(ZTicketIdInput).query(({ ctx, input }) => getTicketDetail(ctx.deps, { ...input, tenantId: ctx.tenantId })),
  create: agentProcedure.input(ZCreateTicketInput).mutation(({ ctx, input }) => createTicket(ctx.deps, { ...input, ...actor(ctx) })),
  createFromConversation: agentProcedure
    .input(ZCreateTicketFromConversationInput)
    .mutation(({ ctx, input }) => createTicketFromConversation(ctx.deps, { ...input, ...actor(ctx) })),
  update: agentProcedure.input(ZUpdateTicketInput).mutation(({ ctx, input }) => updateTicket(ctx.deps, { ...input, ...actor(ctx) })),
  bulkUpdate: agentProcedure.input(ZBulkUpdateTicketsInput).mutation(({ ctx, input }) => bulkUpdateTickets(ctx.deps, { ...input, ...actor(ctx) })),
  addComment: agentProcedure
    .input(ZAddTicketCommentInput)
    .mutation(({ ctx, input }) => addTicketComment(ctx.deps, { ...input, ...actor(ctx), actorRole: ctx.user.role })),
  retryAnalysis: agentProcedure.input(ZTicketIdInput).mutation(({ ctx, input }) => retryTicketAnalysis(ctx.deps, { ...input, ...actor(ctx) })),
  slaPolicies: agentProcedure.query(({ ctx }) => listSlaPolicies(ctx.deps, { tenantId: ctx.tenantId })),
  updateSlaPolicies: supervisorProcedure.input(ZUpdateSlaPoliciesInput).mutation(({ ctx, input }) => updateSlaPolicies(ctx.deps, { ...input, ...actor(ctx) })),
  businessCalendar: agentProcedure.query(({ ctx }) => getBusinessCalendar(ctx.deps, { tenantId: ctx.tenantId })),
  updateBusinessCalendar: supervisorProcedure
    .input(ZUpdateBusinessCalendarInput)
    .mutation(({ ctx, input }) => updateBusinessCalendar(ctx.deps, { ...input, ...actor(ctx) })),
});
