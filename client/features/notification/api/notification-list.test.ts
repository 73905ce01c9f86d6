import { describe, expect, it } from 'vitest';
import type { NotificationDto, NotificationPageDto } from '../../../../src/contracts/ticket.ts';
import { addNotification, markRead } from './notification-list.ts';

const n = (id: string, readAt: string | null = null): NotificationDto => ({
  id,
  userId: 'me',
  kind: 'assigned',
  ticket: { id: 't1', number: 1001, subject: 'Printer on fire' },
  actor: { id: 'dana', name: 'Dana' },
  createdAt: '2026-11-23T12:00:00.000Z',
  readAt,
});
const page = (...items: NotificationDto[]): NotificationPageDto => ({ items, nextCursor: null, total: items.length, unread: items.filter((i) => !i.readAt).length });

describe('addNotification', () => {
  it('puts a new one on top and counts it unread', () => {
    const next = addNotification(page(n('a')), n('b'));
    expect(next.items.map((i) => i.id)).toEqual(['b', 'a']);
    expect([next.total, next.unread]).toEqual([2, 2]);
  });

  it('adds one it already has only once (a replayed event)', () => {
    const start = page(n('a'));
    expect(addNotification(start, n('a'))).toBe(start);
  });
});

describe('markRead', () => {
  const at = '2026-11-23T13:00:00.000Z';
  it('marks the chosen ones and takes the server’s count', () => {
    const next = markRead(page(n('a'), n('b'), n('c', '2026-11-23T12:30:00.000Z')), ['a'], 1, at);
    expect(next.items.map((i) => i.readAt)).toEqual([at, null, '2026-11-23T12:30:00.000Z']);
    expect(next.unread).toBe(1);
  });

  it('marks all with null', () => {
    const next = markRead(page(n('a'), n('b')), null, 0, at);
    expect(next.items.every((i) => i.readAt === at)).toBe(true);
    expect(next.unread).toBe(0);
  });
});
