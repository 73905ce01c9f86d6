import {
  ZContactIdInput,
  ZCreateContactInput,
  ZExportContactsInput,
  ZImportContactsInput,
  ZListContactsInput,
  ZSetStageInput,
  ZTimelineInput,
  ZUpdateContactInput,
} from '../../src/contracts/contact.ts';
import { t } from '../trpc/init.ts';
import { agentProcedure, supervisorProcedure } from '../trpc/procedures.ts';
import { createContact } from './create-contact.ts';
import { deleteContact } from './delete-contact.ts';
import { exportContacts } from './export-contacts.ts';
import { getContactTimeline } from './get-timeline.ts';
import { importContacts } from './import-contacts.ts';
import { getContact, listContacts, listContactTags } from './list-contacts.ts';
import { setContactStage, updateContact } from './update-contact.ts';

const actor = (ctx: { tenantId: string; user: { id: string; role: 'ADMIN' | 'SUPERVISOR' | 'AGENT' } }) => ({
  tenantId: ctx.tenantId,
  actorId: ctx.user.id,
  actorRole: ctx.user.role,
});

export const contactRouter = t.router({
  list: agentProcedure.input(ZListContactsInput).query(({ ctx, input }) => listContacts(ctx.deps, { ...input, tenantId: ctx.tenantId, userId: ctx.user.id })),
  get: agentProcedure.input(ZContactIdInput).query(({ ctx, input }) => getContact(ctx.deps, { ...input, tenantId: ctx.tenantId })),
  /** Every tag in use, for the filter menu. */
  tags: agentProcedure.query(({ ctx }) => listContactTags(ctx.deps, { tenantId: ctx.tenantId })),
  create: agentProcedure.input(ZCreateContactInput).mutation(({ ctx, input }) => createContact(ctx.deps, actor(ctx), input)),
  update: agentProcedure.input(ZUpdateContactInput).mutation(({ ctx, input }) => updateContact(ctx.deps, actor(ctx), input)),
  setStage: agentProcedure.input(ZSetStageInput).mutation(({ ctx, input }) => setContactStage(ctx.deps, actor(ctx), input)),
  delete: supervisorProcedure.input(ZContactIdInput).mutation(({ ctx, input }) => deleteContact(ctx.deps, actor(ctx), input)),
  timeline: agentProcedure.input(ZTimelineInput).query(({ ctx, input }) => getContactTimeline(ctx.deps, { ...input, tenantId: ctx.tenantId })),
  import: supervisorProcedure.input(ZImportContactsInput).mutation(({ ctx, input }) => importContacts(ctx.deps, actor(ctx), input)),
  export: supervisorProcedure.input(ZExportContactsInput).query(({ ctx, input }) => exportContacts(ctx.deps, { ...input, tenantId: ctx.tenantId, userId: ctx.user.id })),
});
