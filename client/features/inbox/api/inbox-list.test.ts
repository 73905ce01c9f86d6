import { describe, expect, it } from 'vitest';
import type { ConversationDto } from '../../../../src/contracts/conversation.ts';
import { flattenInbox, matchesFilter, placeConversation, removeChannelRows, type InboxData, type InboxFilter } from './inbox-list.ts';

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 12, minute)).toISOString();

const conv = (id: string, minute: number, extra: Partial<ConversationDto> = {}): ConversationDto => ({
  id,
  channelId: 'ch-1',
  contact: { id: `contact-${id}`, name: `Contact ${id}`, phone: '+14155550100' },
  status: 'OPEN',
  owner: 'QUEUE',
  ownerVersion: 0,
  assigneeId: null,
  lastMessageAt: at(minute),
  lastMessagePreview: 'hello',
  lastMessageDirection: 'INBOUND',
  lastMessageFromAi: false,
  lastInboundAt: at(minute),
  unreadCount: 1,
  createdAt: at(0),
  ...extra,
});

const pages = (total: number, ...chunks: Array<{ items: ConversationDto[]; more: boolean }>): InboxData => ({
  pages: chunks.map((c, i) => ({ items: c.items, nextCursor: c.more ? `cursor-${i}` : null, total })),
  pageParams: chunks.map((_, i) => (i === 0 ? null : `cursor-${i - 1}`)),
});

const ids = (data: InboxData) => flattenInbox(data).map((c) => c.id);
const totals = (data: InboxData) => data.pages.map((p) => p.total);

const open: InboxFilter = { assignee: 'all', status: 'OPEN' };
const moved = { moved: true, created: false };
const updated = { moved: false, created: false };

describe('matchesFilter', () => {
  it.each<[string, Partial<ConversationDto>, InboxFilter, boolean | 'unknown']>([
    ['status differs', { status: 'RESOLVED' }, open, false],
    ['all, open', {}, open, true],
    ['mine, assigned to me', { assigneeId: 'me' }, { ...open, assignee: 'mine' }, true],
    ['mine, assigned to someone else', { assigneeId: 'other' }, { ...open, assignee: 'mine' }, false],
    ['unassigned, nobody', {}, { ...open, assignee: 'unassigned' }, true],
    ['unassigned, someone', { assigneeId: 'other' }, { ...open, assignee: 'unassigned' }, false],
    ['other channel', {}, { ...open, channelId: 'ch-2' }, false],
    ['search by name, any case', {}, { ...open, search: 'contact A' }, true],
    ['search by number digits', {}, { ...open, search: '555 0100' }, true],
    ['search text the client cannot see', {}, { ...open, search: 'refund' }, 'unknown'],
  ])('%s', (_name, extra, filter, expected) => {
    expect(matchesFilter(conv('a', 1, extra), filter, 'me')).toBe(expected);
  });

  it('matches the text of the new message itself', () => {
    expect(matchesFilter(conv('a', 1), { ...open, search: 'refund' }, 'me', 'I want a REFUND')).toBe(true);
  });
});

describe('placeConversation', () => {
  const list = () => pages(40, { items: [conv('c', 30), conv('b', 20), conv('a', 10)], more: true });

  it('replaces a row in place when its position did not change', () => {
    const next = placeConversation(list(), conv('b', 20, { unreadCount: 0 }), open, 'me', updated);
    expect(ids(next.data)).toEqual(['c', 'b', 'a']);
    expect(flattenInbox(next.data)[1]!.unreadCount).toBe(0);
    expect(next.total).toBe(0);
  });

  it('moves a row with a new message to the top without changing the total', () => {
    const next = placeConversation(list(), conv('a', 40), open, 'me', moved);
    expect(ids(next.data)).toEqual(['a', 'c', 'b']);
    expect(totals(next.data)).toEqual([40]);
  });

  it('takes out a row that no longer matches and counts it on every page', () => {
    const data = pages(40, { items: [conv('c', 30)], more: true }, { items: [conv('b', 20), conv('a', 10)], more: true });
    const next = placeConversation(data, conv('b', 20, { status: 'RESOLVED' }), open, 'me', updated);
    expect(ids(next.data)).toEqual(['c', 'a']);
    expect(next.total).toBe(-1);
    expect(totals(next.data)).toEqual([39, 39]);
  });

  it('brings a brand-new conversation in at the top and counts it', () => {
    const next = placeConversation(list(), conv('new', 50), open, 'me', { moved: true, created: true });
    expect(ids(next.data)).toEqual(['new', 'c', 'b', 'a']);
    expect(totals(next.data)).toEqual([41]);
  });

  it('cannot tell the total when an unloaded conversation gets a message (it may have been further down)', () => {
    const next = placeConversation(list(), conv('deep', 50), open, 'me', moved);
    expect(ids(next.data)[0]).toBe('deep');
    expect(next.total).toBe('unknown');
    expect(totals(next.data)).toEqual([40]);
  });

  it('counts a reopened conversation that lands among the loaded rows', () => {
    const next = placeConversation(list(), conv('r', 25), open, 'me', updated);
    expect(ids(next.data)).toEqual(['c', 'r', 'b', 'a']);
    expect(next.total).toBe(1);
  });

  it('leaves a row that belongs after the loaded ones for a later page', () => {
    const next = placeConversation(list(), conv('old', 1), open, 'me', updated);
    expect(ids(next.data)).toEqual(['c', 'b', 'a']);
    expect(next.total).toBe('unknown');
  });

  it('appends to a fully loaded list and counts it', () => {
    const data = pages(3, { items: [conv('c', 30), conv('b', 20), conv('a', 10)], more: false });
    const next = placeConversation(data, conv('old', 1), open, 'me', updated);
    expect(ids(next.data)).toEqual(['c', 'b', 'a', 'old']);
    expect(totals(next.data)).toEqual([4]);
  });

  it('orders ties on time by id, as the server does', () => {
    const next = placeConversation(list(), conv('bb', 20), open, 'me', updated);
    expect(ids(next.data)).toEqual(['c', 'bb', 'b', 'a']);
  });

  it('does not guess about a search it cannot evaluate', () => {
    const data = list();
    const next = placeConversation(data, conv('x', 50), { ...open, search: 'refund' }, 'me', updated);
    expect(next.data).toBe(data);
    expect(next.total).toBe(0);
  });

  it('ignores a conversation that does not match and is not listed', () => {
    const data = list();
    expect(placeConversation(data, conv('x', 50, { status: 'RESOLVED' }), open, 'me', moved).data).toBe(data);
  });
});

describe('flattenInbox and removeChannelRows', () => {
  it('shows a row once even if two pages hold it for a moment', () => {
    const data = pages(2, { items: [conv('b', 20)], more: true }, { items: [conv('b', 20), conv('a', 10)], more: false });
    expect(ids(data)).toEqual(['b', 'a']);
  });

  it('drops the rows of a deleted channel and keeps the rest untouched', () => {
    const data = pages(3, { items: [conv('c', 30, { channelId: 'gone' }), conv('b', 20), conv('a', 10, { channelId: 'gone' })], more: false });
    expect(ids(removeChannelRows(data, 'gone'))).toEqual(['b']);
    expect(removeChannelRows(data, 'other')).toBe(data);
  });
});
