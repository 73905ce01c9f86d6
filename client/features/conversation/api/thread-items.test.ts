import { describe, expect, it } from 'vitest';
import type { MessageDto } from '../../../../src/contracts/conversation.ts';
import { buildThreadItems, type ThreadDay, type ThreadItem } from './thread-items.ts';

const NOW = new Date(2026, 4, 20, 15, 0).getTime();
const local = (day: number, hour: number, minute = 0) => new Date(2026, 4, day, hour, minute).toISOString();

const msg = (id: string, createdAt: string, extra: Partial<MessageDto> = {}): MessageDto => ({
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
  createdAt,
  sentAt: null,
  deliveredAt: null,
  readAt: null,
  ...extra,
});

const reaction = (id: string, createdAt: string, target: string, emoji: string, direction: MessageDto['direction'] = 'INBOUND') =>
  msg(id, createdAt, { type: 'reaction', body: '', direction, content: { kind: 'reaction', emoji, targetProviderId: `wamid.${target}` } });

const shape = (days: ThreadDay[]) =>
  days.flatMap((d) => [`# ${d.label}`, ...d.items.map((i) => (i.kind === 'reaction' ? `~ ${i.emoji}` : i.kind === 'event' ? `! ${i.event.text}` : `${i.message.id}${i.groupStart ? '' : ' (cont.)'}`))]);

const messageItem = (days: ThreadDay[], id: string) =>
  days.flatMap((d) => d.items).find((i): i is Extract<ThreadItem, { kind: 'message' }> => i.kind === 'message' && i.message.id === id)!;

describe('buildThreadItems', () => {
  it('separates days as Today, Yesterday and a date, and groups runs from one side', () => {
    const items = buildThreadItems(
      [
        msg('a', local(12, 9)),
        msg('b', local(19, 22, 58)),
        msg('c', local(19, 23, 1)),
        msg('d', local(20, 9), { direction: 'OUTBOUND', sender: { id: 'u', name: 'Dana' } }),
        msg('e', local(20, 9, 30), { direction: 'OUTBOUND', sender: { id: 'u', name: 'Dana' } }),
      ],
      NOW,
    );
    expect(shape(items)).toEqual(['# Tuesday, May 12', 'a', '# Yesterday', 'b', 'c (cont.)', '# Today', 'd', 'e']);
  });

  it('folds reactions onto the message they react to; the latest per side wins and an empty one takes it back', () => {
    const items = buildThreadItems(
      [
        msg('a', local(20, 9)),
        reaction('r1', local(20, 9, 1), 'a', '👍'),
        reaction('r2', local(20, 9, 2), 'a', '❤️'),
        reaction('r3', local(20, 9, 3), 'a', '😂', 'OUTBOUND'),
        reaction('r4', local(20, 9, 4), 'a', '', 'OUTBOUND'),
      ],
      NOW,
    );
    expect(shape(items)).toEqual(['# Today', 'a']);
    expect(messageItem(items, 'a').reactions).toEqual([{ from: 'INBOUND', emoji: '❤️' }]);
  });

  it('shows a reaction to a message that is not loaded as a line of its own', () => {
    const items = buildThreadItems([reaction('r', local(20, 9), 'elsewhere', '🎉'), msg('a', local(20, 10))], NOW);
    expect(shape(items)).toEqual(['# Today', '~ 🎉', 'a']);
  });

  it('quotes the message replied to when it is loaded, and says so when it is not', () => {
    const items = buildThreadItems(
      [msg('a', local(20, 9)), msg('b', local(20, 10), { replyToProviderId: 'wamid.a' }), msg('c', local(20, 11), { replyToProviderId: 'wamid.gone' })],
      NOW,
    );
    expect(messageItem(items, 'b').replyTo).toMatchObject({ id: 'a' });
    expect(messageItem(items, 'c').replyTo).toBe('missing');
    expect(messageItem(items, 'a').replyTo).toBeNull();
  });

  it('puts ownership lines between the messages they happened between, breaking the run', () => {
    const out = { direction: 'OUTBOUND' as const, sender: null, aiAgentId: 'persona' };
    const items = buildThreadItems(
      [msg('a', local(20, 9)), msg('b', local(20, 9, 1), out), msg('c', local(20, 9, 3), out)],
      NOW,
      [{ id: '7', at: local(20, 9, 2), text: 'Ana took over from the AI', tone: 'human' }],
    );
    expect(shape(items)).toEqual(['# Today', 'a', 'b', '! Ana took over from the AI', 'c']);
  });

  it('reads a claim by reply before the reply that made it, though it was logged just after', () => {
    const reply = msg('r', local(20, 9, 1), { direction: 'OUTBOUND', sender: { id: 'me', name: 'Dana' } });
    const claim = { id: '8', at: new Date(Date.parse(reply.createdAt) + 40).toISOString(), text: 'You took over from the queue', tone: 'human' as const, claimedBy: 'me' };
    expect(shape(buildThreadItems([msg('a', local(20, 9)), reply], NOW, [claim]))).toEqual(['# Today', 'a', '! You took over from the queue', 'r']);
  });

  it('keeps other changes by the same person where they happened', () => {
    const reply = msg('r', local(20, 9, 1), { direction: 'OUTBOUND', sender: { id: 'me', name: 'Dana' } });
    const handBack = { id: '9', at: new Date(Date.parse(reply.createdAt) + 40).toISOString(), text: 'You handed it back', tone: 'ai' as const };
    expect(shape(buildThreadItems([reply], NOW, [handBack]))).toEqual(['# Today', 'r', '! You handed it back']);
  });
});
