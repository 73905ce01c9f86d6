import { describe, expect, it } from 'vitest';
import { ROLES, hasRole, memberChangeRefusal, type Role } from './roles.ts';

describe('hasRole', () => {
  const table: Array<[Role, Role, boolean]> = [
    ['ADMIN', 'ADMIN', true],
    ['ADMIN', 'SUPERVISOR', true],
    ['ADMIN', 'AGENT', true],
    ['SUPERVISOR', 'ADMIN', false],
    ['SUPERVISOR', 'SUPERVISOR', true],
    ['SUPERVISOR', 'AGENT', true],
    ['AGENT', 'ADMIN', false],
    ['AGENT', 'SUPERVISOR', false],
    ['AGENT', 'AGENT', true],
  ];
  it.each(table)('%s satisfies %s: %s', (actual, required, expected) => {
    expect(hasRole(actual, required)).toBe(expected);
  });
  it('covers every pair of roles', () => {
    expect(table).toHaveLength(ROLES.length ** 2);
  });
});

describe('memberChangeRefusal', () => {
  const base = { actorId: 'a', targetId: 'b', activeAdminCount: 2 } as const;

  it('refuses demoting the last active admin, including oneself', () => {
    expect(memberChangeRefusal({ ...base, targetRole: 'ADMIN', nextRole: 'AGENT', activeAdminCount: 1 })).toMatch(/at least one/);
    expect(memberChangeRefusal({ ...base, targetId: 'a', targetRole: 'ADMIN', nextRole: 'SUPERVISOR', activeAdminCount: 1 })).toMatch(/at least one/);
  });
  it('refuses deactivating the last active admin', () => {
    expect(memberChangeRefusal({ ...base, targetRole: 'ADMIN', nextRole: 'DEACTIVATED', activeAdminCount: 1 })).toMatch(/at least one/);
  });
  it('refuses deactivating oneself even when other admins remain', () => {
    expect(memberChangeRefusal({ ...base, targetId: 'a', targetRole: 'ADMIN', nextRole: 'DEACTIVATED' })).toMatch(/yourself/);
  });
  it('allows demoting an admin when another admin remains', () => {
    expect(memberChangeRefusal({ ...base, targetRole: 'ADMIN', nextRole: 'AGENT' })).toBeNull();
  });
  it('allows any change to a non-admin, and keeping an admin an admin', () => {
    for (const nextRole of [...ROLES, 'DEACTIVATED'] as const) {
      expect(memberChangeRefusal({ ...base, targetRole: 'AGENT', nextRole, activeAdminCount: 1 })).toBeNull();
    }
    expect(memberChangeRefusal({ ...base, targetRole: 'ADMIN', nextRole: 'ADMIN', activeAdminCount: 1 })).toBeNull();
  });
});
