import { ZCreateWebFormInput, ZUpdateWebFormInput, ZWebFormIdInput } from '../../src/contracts/contact.ts';
import { t } from '../trpc/init.ts';
import { adminProcedure } from '../trpc/procedures.ts';
import { createWebForm, deleteWebForm, listWebForms, rotateWebFormSecret, updateWebForm } from './manage-web-forms.ts';

const actor = (ctx: { tenantId: string; user: { id: string }; appUrl: string }) => ({ tenantId: ctx.tenantId, actorId: ctx.user.id, appUrl: ctx.appUrl });

/** Web forms hold secrets: admins only. */
export const formRouter = t.router({
  list: adminProcedure.query(({ ctx }) => listWebForms(ctx.deps, actor(ctx))),
  create: adminProcedure.input(ZCreateWebFormInput).mutation(({ ctx, input }) => createWebForm(ctx.deps, actor(ctx), input)),
  update: adminProcedure.input(ZUpdateWebFormInput).mutation(({ ctx, input }) => updateWebForm(ctx.deps, actor(ctx), input)),
  rotateSecret: adminProcedure.input(ZWebFormIdInput).mutation(({ ctx, input }) => rotateWebFormSecret(ctx.deps, actor(ctx), input)),
  delete: adminProcedure.input(ZWebFormIdInput).mutation(({ ctx, input }) => deleteWebForm(ctx.deps, actor(ctx), input)),
});
