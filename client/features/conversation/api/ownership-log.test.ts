import { describe, expect, it } from 'vitest';
import type { OwnershipChangeDto } from '../../../../src/contracts/conversation.ts';
import { describeOwnershipChange } from './ownership-log.ts';

const names: Record<string, string> = { me: 'You', ana: 'Ana', ben: 'Ben' };
const nameOf = (id: string | null) => (id ? (names[id] ?? null) : null);
const change = (c: Partial<OwnershipChangeDto>): OwnershipChangeDto => ({
  version: 1,
  from: 'AI',
  to: 'HUMAN',
  fromAssigneeId: null,
  toAssigneeId: null,
  actorId: null,
  reason: 'take over',
  ...c,
});

describe('describeOwnershipChange', () => {
  it.each([
    [change({ actorId: 'ana', toAssigneeId: 'ana' }), 'Ana took over from the AI'],
    [change({ from: 'QUEUE', actorId: 'me', toAssigneeId: 'me' }), 'You took over from the queue'],
    [change({ from: 'HUMAN', fromAssigneeId: 'ben', actorId: 'ana', toAssigneeId: 'me' }), 'Ana assigned the conversation to you'],
    [change({ from: 'HUMAN', fromAssigneeId: 'ana', to: 'AI', actorId: 'ana' }), 'Ana handed the conversation back to the AI'],
    [change({ from: 'HUMAN', fromAssigneeId: 'ana', to: 'QUEUE', actorId: 'ana' }), 'Ana released the conversation to the queue'],
    [change({ to: 'QUEUE', reason: 'The customer asked for a person' }), 'AI escalated: The customer asked for a person'],
  ])('case %#', (c, text) => expect(describeOwnershipChange(c, nameOf)).toBe(text));
});
