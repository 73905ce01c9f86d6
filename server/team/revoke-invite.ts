import { AppError } from '../../src/errors.ts';
import type { Deps } from '../deps.ts';
import { writeWithEvents } from '../realtime/write-with-events.ts';

export const revokeInvite = (
  deps: Deps,
  { tenantId, actorId, inviteId }: { tenantId: string; actorId: string; inviteId: string },
): Promise<void> =>
  writeWithEvents(deps, tenantId, async (tx) => {
    const { count } = await tx.invite.updateMany({
      where: { id: inviteId, tenantId, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (count === 0) throw new AppError('NOT_FOUND', { userMessage: 'That invite no longer exists.' });
    return { result: undefined, events: [{ type: 'member.invite_revoked', actorId, payload: { inviteId } }] };
  });
