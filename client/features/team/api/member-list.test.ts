import { describe, expect, it } from 'vitest';
import type { InviteDto, MemberDto } from '../../../../src/contracts/dto.ts';
import { addInvite, removeInvite, upsertMember } from './member-list.ts';

const member = (id: string, name: string, extra: Partial<MemberDto> = {}): MemberDto => ({
  id,
  name,
  email: `${id}@example.test`,
  title: '',
  phone: '',
  emailSignature: '',
  role: 'AGENT',
  status: 'ACTIVE',
  createdAt: '2026-01-01T00:00:00.000Z',
  ...extra,
});

const invite = (id: string, email: string): InviteDto => ({
  id,
  email,
  role: 'AGENT',
  invitedByName: 'Ada',
  expiresAt: '2026-01-08T00:00:00.000Z',
  createdAt: '2026-01-01T00:00:00.000Z',
});

const names = (list: MemberDto[]) => list.map((m) => m.name);

describe('upsertMember', () => {
  const list = [member('a', 'Ada'), member('c', 'Cleo'), member('z', 'Zed', { status: 'DEACTIVATED' })];

  it('replaces a member in place when only non-sort fields change, so rows never jump', () => {
    const next = upsertMember(list, member('c', 'Cleo', { role: 'SUPERVISOR' }));
    expect(names(next)).toEqual(['Ada', 'Cleo', 'Zed']);
    expect(next[1]!.role).toBe('SUPERVISOR');
    expect(next[0]).toBe(list[0]);
  });

  it('inserts a newcomer where the server would list them: active first, then by name', () => {
    expect(names(upsertMember(list, member('b', 'Bea')))).toEqual(['Ada', 'Bea', 'Cleo', 'Zed']);
    expect(names(upsertMember(list, member('x', 'Xena')))).toEqual(['Ada', 'Cleo', 'Xena', 'Zed']);
  });

  it('moves a deactivated member below the active ones', () => {
    expect(names(upsertMember(list, member('a', 'Ada', { status: 'DEACTIVATED' })))).toEqual(['Cleo', 'Ada', 'Zed']);
  });

  it('re-sorts a renamed member and keeps exactly one row per id', () => {
    const next = upsertMember(list, member('a', 'Dora'));
    expect(names(next)).toEqual(['Cleo', 'Dora', 'Zed']);
    expect(upsertMember(next, member('a', 'Dora'))).toHaveLength(3);
  });
});

describe('invites', () => {
  it('adds the newest invite first and replaces a pending invite to the same address', () => {
    const list = [invite('1', 'bo@example.test'), invite('2', 'cy@example.test')];
    expect(addInvite(list, invite('3', 'bo@example.test')).map((i) => i.id)).toEqual(['3', '2']);
    expect(addInvite(list, invite('1', 'bo@example.test')).map((i) => i.id)).toEqual(['1', '2']);
  });

  it('removes by id and ignores unknown ids', () => {
    const list = [invite('1', 'bo@example.test')];
    expect(removeInvite(list, '1')).toEqual([]);
    expect(removeInvite(list, 'nope')).toEqual(list);
  });
});
