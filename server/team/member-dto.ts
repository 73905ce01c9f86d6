import type { InviteDto, MemberDto } from '../../src/contracts/dto.ts';
import type { Invite, User } from '../db/generated/client.ts';

export const toMemberDto = (user: User): MemberDto => ({
  id: user.id,
  email: user.email,
  name: user.name,
  title: user.title,
  phone: user.phone,
  emailSignature: user.emailSignature,
  role: user.role,
  status: user.status,
  createdAt: user.createdAt.toISOString(),
});

export const toInviteDto = (invite: Invite & { invitedBy: { name: string } }): InviteDto => ({
  id: invite.id,
  email: invite.email,
  role: invite.role,
  invitedByName: invite.invitedBy.name,
  expiresAt: invite.expiresAt.toISOString(),
  createdAt: invite.createdAt.toISOString(),
});
