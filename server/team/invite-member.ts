import type { InviteInput } from '../../src/contracts/team.ts';
import type { InviteDto } from '../../src/contracts/dto.ts';
import { AppError } from '../../src/errors.ts';
import { hashToken, newToken } from '../auth/token.ts';
import type { Deps } from '../deps.ts';
import { writeWithEvents } from '../realtime/write-with-events.ts';
import { toInviteDto } from './member-dto.ts';

export const INVITE_TTL_DAYS = 7;

export type InviteMemberOptions = InviteInput & { tenantId: string; actorId: string; appUrl: string };

/**
 * Creates an invite link. Inviting an address again replaces its pending invite, so only the
 * newest link works. The link is returned once and never stored (only its hash is).
 */
export const inviteMember = async (
  deps: Deps,
  { tenantId, actorId, appUrl, email, role }: InviteMemberOptions,
): Promise<{ invite: InviteDto; inviteUrl: string }> => {
  const existing = await deps.db.user.findUnique({ where: { email }, select: { tenantId: true } });
  if (existing) {
    throw new AppError('CONFLICT', {
      userMessage: existing.tenantId === tenantId ? `${email} is already a member.` : `${email} already has a Switchboard account.`,
    });
  }
  const token = newToken();
  const now = new Date();
  const invite = await writeWithEvents(deps, tenantId, async (tx) => {
    // Two invites to one address at once would each find nothing pending to replace and both
    // links would stay usable; this lock makes the second wait and replace the first.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`invite:${tenantId}:${email}`}, 0))`;
    await tx.invite.updateMany({
      where: { tenantId, email, acceptedAt: null, revokedAt: null },
      data: { revokedAt: now },
    });
    const invite = await tx.invite.create({
      data: {
        tenantId,
        email,
        role,
        tokenHash: hashToken(token),
        invitedById: actorId,
        expiresAt: new Date(now.getTime() + INVITE_TTL_DAYS * 86_400_000),
      },
      include: { invitedBy: { select: { name: true } } },
    });
    const dto = toInviteDto(invite);
    return { result: dto, events: [{ type: 'member.invited', actorId, payload: { invite: dto } }] };
  });
  deps.log.info({ tenantId, actorId, inviteId: invite.id }, 'member invited');
  return { invite, inviteUrl: `${appUrl}/invite/${token}` };
};
