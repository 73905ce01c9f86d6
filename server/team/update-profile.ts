import type { MemberDto } from '../../src/contracts/dto.ts';
import type { UpdateProfileInput } from '../../src/contracts/team.ts';
import type { Deps } from '../deps.ts';
import { writeWithEvents } from '../realtime/write-with-events.ts';
import { toMemberDto } from './member-dto.ts';

export const updateProfile = (
  deps: Deps,
  { tenantId, actorId, ...profile }: UpdateProfileInput & { tenantId: string; actorId: string },
): Promise<MemberDto> =>
  writeWithEvents(deps, tenantId, async (tx) => {
    const member = toMemberDto(await tx.user.update({ where: { id: actorId, tenantId }, data: profile }));
    return { result: member, events: [{ type: 'member.profile_updated', actorId, payload: { member } }] };
  });
