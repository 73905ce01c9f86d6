import { describe, expect, it } from 'vitest';
import { MESSAGE_STATUSES, nextMessageStatus, statusesAdvancedBy, type MessageStatus } from './message-status.ts';

describe('nextMessageStatus', () => {
  // Every (current, incoming) pair, spelled out.
  const table: Record<MessageStatus, Record<MessageStatus, MessageStatus>> = {
    QUEUED: { QUEUED: 'QUEUED', SENT: 'SENT', DELIVERED: 'DELIVERED', READ: 'READ', FAILED: 'FAILED' },
    SENT: { QUEUED: 'SENT', SENT: 'SENT', DELIVERED: 'DELIVERED', READ: 'READ', FAILED: 'FAILED' },
    DELIVERED: { QUEUED: 'DELIVERED', SENT: 'DELIVERED', DELIVERED: 'DELIVERED', READ: 'READ', FAILED: 'FAILED' },
    READ: { QUEUED: 'READ', SENT: 'READ', DELIVERED: 'READ', READ: 'READ', FAILED: 'READ' },
    FAILED: { QUEUED: 'FAILED', SENT: 'FAILED', DELIVERED: 'FAILED', READ: 'FAILED', FAILED: 'FAILED' },
  };
  for (const current of MESSAGE_STATUSES) {
    for (const incoming of MESSAGE_STATUSES) {
      it(`${current} + ${incoming} -> ${table[current][incoming]}`, () => {
        expect(nextMessageStatus(current, incoming)).toBe(table[current][incoming]);
      });
    }
  }

  it('ends in the same state whatever order the updates arrive in', () => {
    const updates: MessageStatus[] = ['SENT', 'DELIVERED', 'READ'];
    const permutations = (xs: MessageStatus[]): MessageStatus[][] =>
      xs.length <= 1 ? [xs] : xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p]));
    for (const order of permutations(updates)) {
      expect(order.reduce(nextMessageStatus, 'QUEUED' as MessageStatus)).toBe('READ');
    }
  });
});

describe('statusesAdvancedBy', () => {
  it('lists exactly the states an update moves forward', () => {
    expect(statusesAdvancedBy('DELIVERED')).toEqual(['QUEUED', 'SENT']);
    expect(statusesAdvancedBy('READ')).toEqual(['QUEUED', 'SENT', 'DELIVERED']);
    expect(statusesAdvancedBy('FAILED')).toEqual(['QUEUED', 'SENT', 'DELIVERED']);
    expect(statusesAdvancedBy('QUEUED')).toEqual([]);
  });
});
