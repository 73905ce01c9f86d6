import { describe, expect, it } from 'vitest';
import type { MessageDto } from '../../../../src/contracts/conversation.ts';
import { flattenThread, mergeMessage, removeMessage, upsertMessage, type ThreadData } from './thread-cache.ts';

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 12, minute)).toISOString();

const msg = (id: string, minute: number, extra: Partial<MessageDto> = {}): MessageDto => ({
  id,
  conversationId: 'conv',
  direction: 'INBOUND',
  type: 'text',
  body: id,
  content: null,
  status: 'RECEIVED',
  errorCode: null,
  errorTitle: null,
  sender: null,
  aiAgentId: null,
  isNote: false,
  claimedAt: null,
  replyToProviderId: null,
  providerMessageId: `wamid.${id}`,
  createdAt: at(minute),
  sentAt: null,
  deliveredAt: null,
  readAt: null,
  ...extra,
});

/** pages[0] is the newest page; each page is oldest-first. */
const thread = (...pages: Array<{ items: MessageDto[]; older: boolean }>): ThreadData => ({
  pages: pages.map((p, i) => ({ items: p.items, olderCursor: p.older ? `older-${i}` : null })),
  pageParams: pages.map((_, i) => (i === 0 ? null : `older-${i - 1}`)),
});

const ids = (data: ThreadData) => flattenThread(data).map((m) => m.id);
const out = (id: string, minute: number, status: MessageDto['status']) => msg(id, minute, { direction: 'OUTBOUND', status, providerMessageId: null });

describe('upsertMessage', () => {
  it('appends a new message to the newest page', () => {
    const data = thread({ items: [msg('a', 1), msg('b', 2)], older: false });
    expect(ids(upsertMessage(data, msg('c', 3)))).toEqual(['a', 'b', 'c']);
  });

  it('puts a late-arriving older message in its place', () => {
    const data = thread({ items: [msg('a', 1), msg('c', 3)], older: false });
    expect(ids(upsertMessage(data, msg('b', 2)))).toEqual(['a', 'b', 'c']);
  });

  it('leaves a message older than everything loaded for when older pages load', () => {
    const data = thread({ items: [msg('b', 2)], older: true });
    expect(upsertMessage(data, msg('a', 1))).toBe(data);
  });

  it('files it on the oldest page when nothing older exists', () => {
    const data = thread({ items: [msg('c', 3)], older: true }, { items: [msg('b', 2)], older: false });
    expect(ids(upsertMessage(data, msg('a', 1)))).toEqual(['a', 'b', 'c']);
  });

  it('reconciles the optimistic message by id with the server’s snapshot', () => {
    const data = thread({ items: [msg('a', 1), out('mine', 2, 'QUEUED')], older: false });
    const next = upsertMessage(data, { ...out('mine', 2, 'SENT'), providerMessageId: 'wamid.x' });
    expect(ids(next)).toEqual(['a', 'mine']);
    expect(flattenThread(next)[1]!.status).toBe('SENT');
  });

  it('re-sorts a message whose server time differs from the optimistic one', () => {
    const data = thread({ items: [out('mine', 1, 'QUEUED'), msg('b', 2)], older: false });
    expect(ids(upsertMessage(data, out('mine', 3, 'QUEUED')))).toEqual(['b', 'mine']);
  });

  it('never lets a slow QUEUED answer undo a SENT the stream delivered first', () => {
    const data = thread({ items: [out('mine', 2, 'SENT')], older: false });
    expect(upsertMessage(data, out('mine', 2, 'QUEUED'))).toBe(data);
  });

  it('keeps READ when a late DELIVERED arrives, and accepts FAILED over SENT', () => {
    expect(mergeMessage(out('m', 1, 'READ'), out('m', 1, 'DELIVERED')).status).toBe('READ');
    expect(mergeMessage(out('m', 1, 'SENT'), out('m', 1, 'FAILED')).status).toBe('FAILED');
  });
});

describe('removeMessage and flattenThread', () => {
  it('removes by id from whichever page holds it', () => {
    const data = thread({ items: [msg('c', 3)], older: true }, { items: [msg('a', 1), msg('b', 2)], older: false });
    expect(ids(removeMessage(data, 'b'))).toEqual(['a', 'c']);
  });

  it('reads oldest first across pages, each message once', () => {
    const data = thread({ items: [msg('b', 2), msg('c', 3)], older: true }, { items: [msg('a', 1), msg('b', 2)], older: false });
    expect(ids(data)).toEqual(['a', 'b', 'c']);
  });
});
