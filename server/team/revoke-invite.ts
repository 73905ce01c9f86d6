import { AppError } from '../../src/errors.ts';
import type { Deps } from '../deps.ts';
import { appendEvents } from '../realtime/event-log.ts';
import { publishEvents } from '../realtime/publish-events.ts';

export const revokeInvite = async (
  deps: Deps,
  { tenantId, actorId, inviteId }: { tenantId: string; actorId: string; inviteId: string },
): Promise<void> => {
  const events = await deps.db.$transaction(async (tx) => {
    const { count } = await tx.invite.updateMany({
      where: { id: inviteId, tenantId, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (count === 0) throw new AppError('NOT_FOUND', { userMessage: 'That invite no longer exists.' });
    return appendEvents(tx, tenantId, [{ type: 'member.invite_revoked', actorId, payload: { inviteId } }]);
  });
  await publishEvents(deps, tenantId, events);
};
