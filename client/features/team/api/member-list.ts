import type { InviteDto, MemberDto } from '../../../../src/contracts/dto.ts';

// The server lists active members first, then by name; new rows go where a refetch would put them.
const statusRank = (m: MemberDto) => (m.status === 'ACTIVE' ? 0 : 1);

/**
 * Puts a member's newest snapshot into the list. An existing row is replaced where it stands
 * unless its sort key changed, so a role change never makes the table jump.
 */
export const upsertMember = (list: MemberDto[], member: MemberDto): MemberDto[] => {
  const index = list.findIndex((m) => m.id === member.id);
  const current = index === -1 ? undefined : list[index];
  if (current && current.name === member.name && current.status === member.status) {
    const next = list.slice();
    next[index] = member;
    return next;
  }
  const rest = index === -1 ? list : list.filter((m) => m.id !== member.id);
  const at = rest.findIndex((m) => {
    const rank = statusRank(member) - statusRank(m);
    return rank < 0 || (rank === 0 && member.name.localeCompare(m.name) < 0);
  });
  return at === -1 ? [...rest, member] : [...rest.slice(0, at), member, ...rest.slice(at)];
};

export const addInvite = (list: InviteDto[], invite: InviteDto): InviteDto[] =>
  // Re-inviting an address replaces its pending invite on the server; mirror that.
  [invite, ...list.filter((i) => i.id !== invite.id && i.email !== invite.email)];

export const removeInvite = (list: InviteDto[], inviteId: string): InviteDto[] => list.filter((i) => i.id !== inviteId);

