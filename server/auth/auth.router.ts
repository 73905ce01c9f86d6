import { ZAcceptInviteInput, ZInviteTokenInput, ZSignInInput, ZSignUpInput } from '../../src/contracts/team.ts';
import { acceptInvite, previewInvite } from '../team/accept-invite.ts';
import { getMe } from '../team/get-me.ts';
import { signIn } from '../team/sign-in.ts';
import { signOut } from '../team/sign-out.ts';
import { signUp, type SignedIn } from '../team/sign-up.ts';
import type { Context } from '../trpc/context.ts';
import { t } from '../trpc/init.ts';
import { authedProcedure, publicProcedure } from '../trpc/procedures.ts';

const startSession = (ctx: Context, signedIn: SignedIn) => {
  ctx.setCookie(ctx.deps.lucia.createSessionCookie(signedIn.sessionToken).serialize());
  return signedIn.me;
};

export const authRouter = t.router({
  signUp: publicProcedure.input(ZSignUpInput).mutation(async ({ ctx, input }) => startSession(ctx, await signUp(ctx.deps, input))),
  signIn: publicProcedure
    .input(ZSignInInput)
    .mutation(async ({ ctx, input }) => startSession(ctx, await signIn(ctx.deps, { ...input, ip: ctx.ip }))),
  signOut: authedProcedure.mutation(async ({ ctx }) => {
    await signOut(ctx.deps, { sessionId: ctx.session.id });
    ctx.setCookie(ctx.deps.lucia.createBlankSessionCookie().serialize());
    return { ok: true as const };
  }),
  me: authedProcedure.query(({ ctx }) => getMe(ctx.deps, { tenantId: ctx.tenantId, userId: ctx.user.id })),
  previewInvite: publicProcedure.input(ZInviteTokenInput).query(({ ctx, input }) => previewInvite(ctx.deps, input)),
  acceptInvite: publicProcedure
    .input(ZAcceptInviteInput)
    .mutation(async ({ ctx, input }) => startSession(ctx, await acceptInvite(ctx.deps, input))),
});
