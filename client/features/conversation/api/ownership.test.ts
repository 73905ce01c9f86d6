import { describe, expect, it } from 'vitest';
import { ownershipFor } from './ownership.ts';

const agent = { id: 'me', isSupervisor: false };
const supervisor = { id: 'me', isSupervisor: true };
const online = { online: true, persona: { id: 'p', name: 'Nova' } };

describe('ownershipFor', () => {
  it('lets anyone take over from the AI or the queue, and only the owner send', () => {
    expect(ownershipFor({ owner: 'AI', assigneeId: null }, agent, online)).toMatchObject({ kind: 'ai', canSend: false, canTakeOver: true, canHandBack: false });
    expect(ownershipFor({ owner: 'QUEUE', assigneeId: null }, agent, online)).toMatchObject({ kind: 'queue', canSend: true, canTakeOver: true, canRelease: false });
    expect(ownershipFor({ owner: 'HUMAN', assigneeId: 'me' }, agent, online)).toMatchObject({ kind: 'mine', canSend: true, canTakeOver: false, canRelease: true });
  });

  it('leaves another agent’s conversation alone unless the viewer supervises', () => {
    const theirs = { owner: 'HUMAN' as const, assigneeId: 'ben' };
    expect(ownershipFor(theirs, agent, online)).toMatchObject({ kind: 'other', canSend: false, canHandBack: false, canRelease: false, canAssign: false });
    expect(ownershipFor(theirs, supervisor, online)).toMatchObject({ canHandBack: true, canRelease: true, canAssign: true });
  });

  it('says why a hand-back cannot work', () => {
    const mine = { owner: 'HUMAN' as const, assigneeId: 'me' };
    expect(ownershipFor(mine, agent, { online: false, persona: null }).handBackBlocked).toMatch(/offline/);
    expect(ownershipFor(mine, agent, { online: true, persona: null }).handBackBlocked).toMatch(/No active AI agent/);
    expect(ownershipFor(mine, agent, online).handBackBlocked).toBeNull();
  });
});
