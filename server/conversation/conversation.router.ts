import {
  ZConversationIdInput,
  ZListConversationsInput,
  ZListMessagesInput,
  ZSendTemplateInput,
  ZSendTextInput,
} from '../../src/contracts/conversation.ts';
import { t } from '../trpc/init.ts';
import { agentProcedure } from '../trpc/procedures.ts';
import { getConversation, listMessages } from './get-conversation.ts';
import { listConversations } from './list-conversations.ts';
import { sendTemplate, sendText } from './send-message.ts';
import { markConversationRead, reopenConversation, resolveConversation } from './update-conversation.ts';

export const conversationRouter = t.router({
  list: agentProcedure
    .input(ZListConversationsInput)
    .query(({ ctx, input }) => listConversations(ctx.deps, { ...input, tenantId: ctx.tenantId, userId: ctx.user.id })),
  get: agentProcedure.input(ZConversationIdInput).query(({ ctx, input }) => getConversation(ctx.deps, { ...input, tenantId: ctx.tenantId })),
  messages: agentProcedure.input(ZListMessagesInput).query(({ ctx, input }) => listMessages(ctx.deps, { ...input, tenantId: ctx.tenantId })),
  sendText: agentProcedure
    .input(ZSendTextInput)
    .mutation(({ ctx, input }) => sendText(ctx.deps, { ...input, tenantId: ctx.tenantId, actorId: ctx.user.id })),
  sendTemplate: agentProcedure
    .input(ZSendTemplateInput)
    .mutation(({ ctx, input }) => sendTemplate(ctx.deps, { ...input, tenantId: ctx.tenantId, actorId: ctx.user.id })),
  resolve: agentProcedure
    .input(ZConversationIdInput)
    .mutation(({ ctx, input }) => resolveConversation(ctx.deps, { ...input, tenantId: ctx.tenantId, actorId: ctx.user.id })),
  reopen: agentProcedure
    .input(ZConversationIdInput)
    .mutation(({ ctx, input }) => reopenConversation(ctx.deps, { ...input, tenantId: ctx.tenantId, actorId: ctx.user.id })),
  markRead: agentProcedure
    .input(ZConversationIdInput)
    .mutation(({ ctx, input }) => markConversationRead(ctx.deps, { ...input, tenantId: ctx.tenantId, actorId: ctx.user.id })),
});
