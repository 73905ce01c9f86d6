import type { InviteDto, MemberDto } from '../../src/contracts/dto.ts';
import type { Deps } from '../deps.ts';
import { toInviteDto, toMemberDto } from './member-dto.ts';

export const listMembers = async (deps: Deps, { tenantId }: { tenantId: string }): Promise<MemberDto[]> => {
  const users = await deps.db.user.findMany({ where: { tenantId }, orderBy: [{ status: 'asc' }, { name: 'asc' }] });
  return users.map(toMemberDto);
};

export const listPendingInvites = async (deps: Deps, { tenantId }: { tenantId: string }): Promise<InviteDto[]> => {
  const invites = await deps.db.invite.findMany({
    where: { tenantId, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    include: { invitedBy: { select: { name: true } } },
    orderBy: { createdAt: 'desc' },
  });
  return invites.map(toInviteDto);
};
