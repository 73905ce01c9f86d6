import type { Role } from '../../src/domain/roles.ts';
import {
  ZAddNoteInput,
  ZAssignInput,
  ZRateAiMessageInput,
  ZConversationIdInput,
  ZListConversationsInput,
  ZListMessagesInput,
  ZSendTemplateInput,
  ZSendTextInput,
} from '../../src/contracts/conversation.ts';
import { t } from '../trpc/init.ts';
import { agentProcedure } from '../trpc/procedures.ts';
import { rateAiMessage } from '../ai-agent/rate-ai-message.ts';
import { addNote } from './add-note.ts';
import { changeOwner, listOwnershipHistory } from './change-owner.ts';
import { getConversation, listMessages } from './get-conversation.ts';
import { listConversations } from './list-conversations.ts';
import { sendTemplate, sendText } from './send-message.ts';
import { markConversationRead, reopenConversation, resolveConversation } from './update-conversation.ts';

const owner = (ctx: { tenantId: string; user: { id: string; role: Role } }) => ({ tenantId: ctx.tenantId, actorId: ctx.user.id, actorRole: ctx.user.role });

export const conversationRouter = t.router({
  list: agentProcedure
    .input(ZListConversationsInput)
    .query(({ ctx, input }) => listConversations(ctx.deps, { ...input, tenantId: ctx.tenantId, userId: ctx.user.id })),
  get: agentProcedure.input(ZConversationIdInput).query(({ ctx, input }) => getConversation(ctx.deps, { ...input, tenantId: ctx.tenantId })),
  messages: agentProcedure.input(ZListMessagesInput).query(({ ctx, input }) => listMessages(ctx.deps, { ...input, tenantId: ctx.tenantId })),
  sendText: agentProcedure
    .input(ZSendTextInput)
    .mutation(({ ctx, input }) => sendText(ctx.deps, { ...input, tenantId: ctx.tenantId, actorId: ctx.user.id, actorRole: ctx.user.role })),
  sendTemplate: agentProcedure
    .input(ZSendTemplateInput)
    .mutation(({ ctx, input }) => sendTemplate(ctx.deps, { ...input, tenantId: ctx.tenantId, actorId: ctx.user.id, actorRole: ctx.user.role })),
  addNote: agentProcedure
    .input(ZAddNoteInput)
    .mutation(({ ctx, input }) => addNote(ctx.deps, { ...input, tenantId: ctx.tenantId, actorId: ctx.user.id })),
  rateAiMessage: agentProcedure
    .input(ZRateAiMessageInput)
    .mutation(({ ctx, input }) => rateAiMessage(ctx.deps, { ...input, tenantId: ctx.tenantId, actorId: ctx.user.id })),
  ownershipHistory: agentProcedure
    .input(ZConversationIdInput)
    .query(({ ctx, input }) => listOwnershipHistory(ctx.deps, { ...input, tenantId: ctx.tenantId })),
  takeOver: agentProcedure.input(ZConversationIdInput).mutation(({ ctx, input }) =>
    changeOwner(ctx.deps, { ...owner(ctx), conversationId: input.conversationId, action: { type: 'take_over', actorId: ctx.user.id } }),
  ),
  handBack: agentProcedure.input(ZConversationIdInput).mutation(({ ctx, input }) =>
    changeOwner(ctx.deps, { ...owner(ctx), conversationId: input.conversationId, action: { type: 'hand_back', actorId: ctx.user.id } }),
  ),
  release: agentProcedure.input(ZConversationIdInput).mutation(({ ctx, input }) =>
    changeOwner(ctx.deps, { ...owner(ctx), conversationId: input.conversationId, action: { type: 'release', actorId: ctx.user.id } }),
  ),
  assign: agentProcedure.input(ZAssignInput).mutation(({ ctx, input }) =>
    changeOwner(ctx.deps, { ...owner(ctx), conversationId: input.conversationId, action: { type: 'assign', actorId: ctx.user.id, assigneeId: input.assigneeId } }),
  ),
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
