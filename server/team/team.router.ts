import {
  ZChangeRoleInput,
  ZInviteIdInput,
  ZInviteInput,
  ZMemberIdInput,
  ZUpdateProfileInput,
} from '../../src/contracts/team.ts';
import { t } from '../trpc/init.ts';
import { adminProcedure, agentProcedure } from '../trpc/procedures.ts';
import { changeMemberRole, deactivateMember } from './change-member-role.ts';
import { inviteMember } from './invite-member.ts';
import { listMembers, listPendingInvites } from './list-members.ts';
import { revokeInvite } from './revoke-invite.ts';
import { updateProfile } from './update-profile.ts';

export const teamRouter = t.router({
  listMembers: agentProcedure.query(({ ctx }) => listMembers(ctx.deps, { tenantId: ctx.tenantId })),
  listInvites: adminProcedure.query(({ ctx }) => listPendingInvites(ctx.deps, { tenantId: ctx.tenantId })),
  invite: adminProcedure
    .input(ZInviteInput)
    .mutation(({ ctx, input }) => inviteMember(ctx.deps, { ...input, tenantId: ctx.tenantId, actorId: ctx.user.id, appUrl: ctx.appUrl })),
  revokeInvite: adminProcedure
    .input(ZInviteIdInput)
    .mutation(({ ctx, input }) => revokeInvite(ctx.deps, { ...input, tenantId: ctx.tenantId, actorId: ctx.user.id })),
  changeRole: adminProcedure
    .input(ZChangeRoleInput)
    .mutation(({ ctx, input }) => changeMemberRole(ctx.deps, { ...input, tenantId: ctx.tenantId, actorId: ctx.user.id })),
  deactivate: adminProcedure
    .input(ZMemberIdInput)
    .mutation(({ ctx, input }) => deactivateMember(ctx.deps, { ...input, tenantId: ctx.tenantId, actorId: ctx.user.id })),
  updateProfile: agentProcedure
    .input(ZUpdateProfileInput)
    .mutation(({ ctx, input }) => updateProfile(ctx.deps, { ...input, tenantId: ctx.tenantId, actorId: ctx.user.id })),
});
