import type { MemberDto } from '../../src/contracts/dto.ts';
import type { UpdateProfileInput } from '../../src/contracts/team.ts';
import type { Deps } from '../deps.ts';
import { appendEvents } from '../realtime/event-log.ts';
import { publishEvents } from '../realtime/publish-events.ts';
import { toMemberDto } from './member-dto.ts';

export const updateProfile = async (
  deps: Deps,
  { tenantId, actorId, ...profile }: UpdateProfileInput & { tenantId: string; actorId: string },
): Promise<MemberDto> => {
  const { member, events } = await deps.db.$transaction(async (tx) => {
    const user = await tx.user.update({ where: { id: actorId, tenantId }, data: profile });
    const member = toMemberDto(user);
    const events = await appendEvents(tx, tenantId, [{ type: 'member.profile_updated', actorId, payload: { member } }]);
    return { member, events };
  });
  await publishEvents(deps, tenantId, events);
  return member;
};
