import {
  ZDraftEmailInput,
  ZDraftIdInput,
  ZEmailIdInput,
  ZListEmailsInput,
  ZOutboxInput,
  ZSendEmailInput,
  ZUpdateEmailSettingsInput,
} from '../../src/contracts/email.ts';
import { t } from '../trpc/init.ts';
import { adminProcedure, agentProcedure } from '../trpc/procedures.ts';
import { draftEmail, getEmailDraft } from './draft-email.ts';
import { getEmailSettings, updateEmailSettings } from './email-settings.ts';
import { getEmail, listEmails, listOutbox } from './list-emails.ts';
import { retryEmail, sendEmail } from './send-email.ts';

const actor = (ctx: { tenantId: string; user: { id: string } }) => ({ tenantId: ctx.tenantId, actorId: ctx.user.id });

export const emailRouter = t.router({
  /** Starts an AI draft; it arrives with `email.draft_updated`. */
  draft: agentProcedure.input(ZDraftEmailInput).mutation(({ ctx, input }) => draftEmail(ctx.deps, actor(ctx), input)),
  getDraft: agentProcedure.input(ZDraftIdInput).query(({ ctx, input }) => getEmailDraft(ctx.deps, { ...input, tenantId: ctx.tenantId })),
  send: agentProcedure.input(ZSendEmailInput).mutation(({ ctx, input }) => sendEmail(ctx.deps, actor(ctx), input)),
  /** Sends a FAILED email again. */
  retry: agentProcedure.input(ZEmailIdInput).mutation(({ ctx, input }) => retryEmail(ctx.deps, actor(ctx), input)),
  get: agentProcedure.input(ZEmailIdInput).query(({ ctx, input }) => getEmail(ctx.deps, { ...input, tenantId: ctx.tenantId })),
  list: agentProcedure.input(ZListEmailsInput).query(({ ctx, input }) => listEmails(ctx.deps, { ...input, tenantId: ctx.tenantId })),
  /** Emails "sent" without a SendGrid key: they never left the building. */
  outbox: agentProcedure.input(ZOutboxInput).query(({ ctx, input }) => listOutbox(ctx.deps, { ...input, tenantId: ctx.tenantId })),
  settings: agentProcedure.query(({ ctx }) => getEmailSettings(ctx.deps, { tenantId: ctx.tenantId, appUrl: ctx.appUrl })),
  updateSettings: adminProcedure
    .input(ZUpdateEmailSettingsInput)
    .mutation(({ ctx, input }) => updateEmailSettings(ctx.deps, { tenantId: ctx.tenantId, actorId: ctx.user.id, appUrl: ctx.appUrl }, input)),
});
