import {
  ZChannelIdInput,
  ZCreateChannelInput,
  ZCreateTemplateInput,
  ZTemplateIdInput,
  ZUpdateChannelInput,
} from '../../src/contracts/conversation.ts';
import { t } from '../trpc/init.ts';
import { adminProcedure, agentProcedure } from '../trpc/procedures.ts';
import { createChannel, deleteChannel, listChannels, updateChannel } from './manage-channels.ts';
import { createTemplate, deleteTemplate, listTemplates } from './manage-templates.ts';
import { syncTemplates } from './whatsapp/sync-templates.ts';

export const channelRouter = t.router({
  list: agentProcedure.query(({ ctx }) => listChannels(ctx.deps, { tenantId: ctx.tenantId, appUrl: ctx.appUrl })),
  create: adminProcedure
    .input(ZCreateChannelInput)
    .mutation(({ ctx, input }) => createChannel(ctx.deps, { tenantId: ctx.tenantId, actorId: ctx.user.id, appUrl: ctx.appUrl }, input)),
  update: adminProcedure
    .input(ZUpdateChannelInput)
    .mutation(({ ctx, input }) => updateChannel(ctx.deps, { tenantId: ctx.tenantId, actorId: ctx.user.id, appUrl: ctx.appUrl }, input)),
  delete: adminProcedure
    .input(ZChannelIdInput)
    .mutation(({ ctx, input }) => deleteChannel(ctx.deps, { tenantId: ctx.tenantId, actorId: ctx.user.id, appUrl: ctx.appUrl }, input)),
  listTemplates: agentProcedure.input(ZChannelIdInput).query(({ ctx, input }) => listTemplates(ctx.deps, { ...input, tenantId: ctx.tenantId })),
  createTemplate: adminProcedure
    .input(ZCreateTemplateInput)
    .mutation(({ ctx, input }) => createTemplate(ctx.deps, { ...input, tenantId: ctx.tenantId })),
  syncTemplates: adminProcedure.input(ZChannelIdInput).mutation(({ ctx, input }) => syncTemplates(ctx.deps, { ...input, tenantId: ctx.tenantId })),
  deleteTemplate: adminProcedure.input(ZTemplateIdInput).mutation(({ ctx, input }) => deleteTemplate(ctx.deps, { ...input, tenantId: ctx.tenantId })),
});
