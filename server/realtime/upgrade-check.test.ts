import type { Session, User } from 'lucia';
import type { WebSocket } from 'ws';
import { describe, expect, it } from 'vitest';
import { REUSE_MS, rememberUpgradeCheck, takeUpgradeCheck } from './upgrade-check.ts';

const now = Date.parse('2026-03-01T10:00:00Z');
const session = { id: 's', userId: 'u', fresh: false, expiresAt: new Date(now + 86_400_000), attributes: {} } as Session;
const user = { id: 'u', tenantId: 't', email: 'a@b.c', name: 'A', role: 'AGENT' } as User;
const socket = () => ({}) as WebSocket;

describe('the upgrade check offered to a socket’s first stream', () => {
  it('is taken once', () => {
    const ws = socket();
    rememberUpgradeCheck(ws, { session, user, at: now, stillValid: () => true });
    expect(takeUpgradeCheck(ws, now + 10)).toEqual({ session, user });
    expect(takeUpgradeCheck(ws, now + 20)).toBeNull();
  });

  it('is refused once a session ending reached the node, once stale, and once the session expired', () => {
    const ended = socket();
    rememberUpgradeCheck(ended, { session, user, at: now, stillValid: () => false });
    expect(takeUpgradeCheck(ended, now + 10)).toBeNull();

    const stale = socket();
    rememberUpgradeCheck(stale, { session, user, at: now, stillValid: () => true });
    expect(takeUpgradeCheck(stale, now + REUSE_MS + 1)).toBeNull();

    const expiring = socket();
    rememberUpgradeCheck(expiring, { session: { ...session, expiresAt: new Date(now + 5) }, user, at: now, stillValid: () => true });
    expect(takeUpgradeCheck(expiring, now + 5)).toBeNull();
  });

  it('is nothing for a socket that never had one', () => {
    expect(takeUpgradeCheck(socket(), now)).toBeNull();
  });
});
