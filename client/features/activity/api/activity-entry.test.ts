import { describe, expect, it } from 'vitest';
import type { MemberDto } from '../../../../src/contracts/dto.ts';
import type { TenantEvent } from '../../../../src/contracts/events.ts';
import { describeEvent, type Names } from './activity-entry.ts';

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

const base = { tenantId: 't', seq: 7, createdAt: '2026-01-01T10:00:00.000Z' };
const names: Names = {
  meId: 'me',
  nameOf: (id) => ({ admin: 'Grace Hopper', me: 'Tess' })[id] ?? null,
  inviteEmailOf: (id) => (id === 'inv' ? 'bo@example.test' : null),
};
const text = (event: TenantEvent) => describeEvent(event, names)?.sentence.map((part) => part.text).join('');

describe('describeEvent', () => {
  it.each<[string, TenantEvent, string]>([
    ['a teammate joining', { ...base, type: 'member.joined', actorId: 'x', payload: { member: member('x', 'Xena'), inviteId: 'inv' } }, 'Xena joined the workspace'],
    ['a founder creating the workspace', { ...base, type: 'member.joined', actorId: 'x', payload: { member: member('x', 'Xena'), inviteId: null } }, 'Xena created the workspace'],
    [
      'my role changed by an admin',
      { ...base, type: 'member.role_changed', actorId: 'admin', payload: { member: member('me', 'Tess', { role: 'SUPERVISOR' }), previousRole: 'AGENT' } },
      'Grace Hopper changed your role from agent to supervisor',
    ],
    [
      'a role I changed',
      { ...base, type: 'member.role_changed', actorId: 'me', payload: { member: member('x', 'Xena', { role: 'ADMIN' }), previousRole: 'AGENT' } },
      'You changed Xena’s role from agent to admin',
    ],
    ['an unknown actor', { ...base, type: 'member.deactivated', actorId: 'gone', payload: { member: member('x', 'Xena') } }, 'An admin deactivated Xena'],
    ['a revoked invite we saw', { ...base, type: 'member.invite_revoked', actorId: 'me', payload: { inviteId: 'inv' } }, 'You revoked the invite for bo@example.test'],
    ['a revoked invite we never saw', { ...base, type: 'member.invite_revoked', actorId: 'admin', payload: { inviteId: 'old' } }, 'Grace Hopper revoked an invite'],
    ['my own profile', { ...base, type: 'member.profile_updated', actorId: 'me', payload: { member: member('me', 'Tess') } }, 'You updated your profile'],
  ])('describes %s', (_case, event, expected) => {
    expect(text(event)).toBe(expected);
  });

  it('keeps the seq and time of the event, and skips events the feed does not show', () => {
    const entry = describeEvent({ ...base, type: 'member.profile_updated', actorId: 'x', payload: { member: member('x', 'Xena') } }, names);
    expect(entry).toMatchObject({ seq: 7, at: base.createdAt, kind: 'profile' });
    expect(describeEvent({ ...base, type: 'something.else', actorId: null, payload: {} } as unknown as TenantEvent, names)).toBeNull();
  });
});
