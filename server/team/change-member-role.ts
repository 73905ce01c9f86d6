import type { MemberDto } from '../../src/contracts/dto.ts';
import type { Role } from '../../src/domain/roles.ts';
import { memberChangeRefusal } from '../../src/domain/roles.ts';
import type { EventDraft } from '../../src/contracts/events.ts';
import { AppError } from '../../src/errors.ts';
import type { Tx } from '../db/client.ts';
import type { Deps } from '../deps.ts';
import type { User } from '../db/generated/client.ts';
import { publishControl } from '../realtime/publish-events.ts';
import { writeWithEvents } from '../realtime/write-with-events.ts';
import { toMemberDto } from './member-dto.ts';

type MemberChange = { tenantId: string; actorId: string; userId: string };

/**
 * Loads the target and the workspace's admins under row locks, so two admins demoting each other
 * at once cannot leave the workspace with none.
 */
const lockForChange = async (tx: Tx, { tenantId, userId }: MemberChange) => {
  const admins = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "User" WHERE "tenantId" = ${tenantId}::uuid AND role = 'ADMIN' AND status = 'ACTIVE'
    ORDER BY id FOR UPDATE`;
  const target = await tx.user.findFirst({ where: { id: userId, tenantId } });
  if (!target) throw new AppError('NOT_FOUND', { userMessage: 'Member not found.' });
  if (target.status !== 'ACTIVE') throw new AppError('INVALID_STATE', { userMessage: 'This member is deactivated.' });
  return { target, activeAdminCount: admins.length };
};

const refuseIf = (reason: string | null) => {
  if (reason) throw new AppError('INVALID_STATE', { userMessage: reason });
};

const commit = (deps: Deps, tenantId: string, work: (tx: Tx) => Promise<{ user: User; draft: EventDraft }>) =>
  writeWithEvents(deps, tenantId, async (tx) => {
    const { user, draft } = await work(tx);
    return { result: toMemberDto(user), events: [draft] };
  });

export const changeMemberRole = (deps: Deps, change: MemberChange & { role: Role }): Promise<MemberDto> =>
  commit(deps, change.tenantId, async (tx) => {
    const { target, activeAdminCount } = await lockForChange(tx, change);
    refuseIf(memberChangeRefusal({ ...change, targetId: target.id, targetRole: target.role, nextRole: change.role, activeAdminCount }));
    const user = await tx.user.update({ where: { id: target.id }, data: { role: change.role } });
    const draft: EventDraft = {
      type: 'member.role_changed',
      actorId: change.actorId,
      payload: { member: toMemberDto(user), previousRole: target.role },
    };
    return { user, draft };
  });

/** Deactivates a member: their sessions are deleted in the same transaction and their open sockets closed on every node. */
export const deactivateMember = async (deps: Deps, change: MemberChange): Promise<MemberDto> => {
  const member = await commit(deps, change.tenantId, async (tx) => {
    const { target, activeAdminCount } = await lockForChange(tx, change);
    refuseIf(memberChangeRefusal({ ...change, targetId: target.id, targetRole: target.role, nextRole: 'DEACTIVATED', activeAdminCount }));
    const user = await tx.user.update({ where: { id: target.id }, data: { status: 'DEACTIVATED' } });
    await tx.session.deleteMany({ where: { userId: target.id } });
    const draft: EventDraft = { type: 'member.deactivated', actorId: change.actorId, payload: { member: toMemberDto(user) } };
    return { user, draft };
  });
  await publishControl(deps, { type: 'sessions.revoked', userId: member.id });
  return member;
};
