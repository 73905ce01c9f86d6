import { describe, expect, it } from 'vitest';
import type { StageChangeDto, TimelineItemDto } from '../../../../src/contracts/contact.ts';
import type { ConversationDto, MessageDto } from '../../../../src/contracts/conversation.ts';
import { applyConversation, flattenTimeline, stageItem, ticketItem, upsertTimelineItem, type TimelineData } from './timeline-cache.ts';

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 12, minute)).toISOString();

const stage = (id: string, minute: number): TimelineItemDto => {
  const change: StageChangeDto = { id, contactId: 'c', from: 'NEW', to: 'CONTACTED', actor: null, at: at(minute) };
  return stageItem(change);
};

const timeline = (more: boolean, ...items: TimelineItemDto[]): TimelineData => ({
  pages: [{ items, nextCursor: more ? 'next' : null }],
  pageParams: [null],
});

const keys = (data: TimelineData) => flattenTimeline(data).map((i) => i.key);

const conversation = (minute: number): ConversationDto => ({
  id: 'conv',
  channelId: 'ch',
  contact: { id: 'c', name: 'Ana', phone: '+14155550100' },
  status: 'OPEN',
  owner: 'QUEUE',
  ownerVersion: 0,
  assigneeId: null,
  lastMessageAt: at(minute),
  lastMessagePreview: 'hi',
  lastMessageDirection: 'INBOUND',
  lastMessageFromAi: false,
  lastInboundAt: at(minute),
  unreadCount: 1,
  createdAt: at(0),
});

const message = (id: string, minute: number, extra: Partial<MessageDto> = {}): MessageDto => ({
  id,
  conversationId: 'conv',
  direction: 'INBOUND',
  type: 'text',
  body: `message ${id}`,
  content: null,
  status: 'RECEIVED',
  errorCode: null,
  errorTitle: null,
  sender: null,
  aiAgentId: null,
  isNote: false,
  claimedAt: null,
  replyToProviderId: null,
  providerMessageId: null,
  createdAt: at(minute),
  sentAt: null,
  deliveredAt: null,
  readAt: null,
  ...extra,
});

describe('upsertTimelineItem', () => {
  it('puts a new entry at its place, newest first', () => {
    const data = timeline(false, stage('b', 5), stage('a', 1));
    expect(keys(upsertTimelineItem(data, stage('c', 3)))).toEqual(['stage_change:b', 'stage_change:c', 'stage_change:a']);
    expect(keys(upsertTimelineItem(data, stage('d', 9)))).toEqual(['stage_change:d', 'stage_change:b', 'stage_change:a']);
  });

  it('replaces an entry in place, and moves it when its time changed', () => {
    const data = timeline(false, stage('b', 5), stage('a', 1));
    expect(keys(upsertTimelineItem(data, stage('a', 1)))).toEqual(['stage_change:b', 'stage_change:a']);
    expect(keys(upsertTimelineItem(data, stage('a', 8)))).toEqual(['stage_change:a', 'stage_change:b']);
  });

  it('leaves an entry older than the loaded ones to its own page', () => {
    const data = timeline(true, stage('b', 5));
    expect(keys(upsertTimelineItem(data, stage('a', 1)))).toEqual(['stage_change:b']);
    expect(keys(upsertTimelineItem(timeline(false, stage('b', 5)), stage('a', 1)))).toEqual(['stage_change:b', 'stage_change:a']);
  });
});

describe('applyConversation', () => {
  it('brings a conversation with its first message, then counts and previews the next ones once', () => {
    let data = timeline(false, stage('a', 1));
    data = applyConversation(data, conversation(2), message('m1', 2));
    data = applyConversation(data, conversation(3), message('m2', 3));
    data = applyConversation(data, conversation(3), message('m2', 3));
    const [first] = flattenTimeline(data);
    expect(first?.kind).toBe('conversation');
    if (first?.kind !== 'conversation') return;
    expect(first.conversation.messageCount).toBe(2);
    expect(first.conversation.recentMessages.map((m) => m.id)).toEqual(['m1', 'm2']);
  });

  it('ignores a conversation change for a conversation it does not show, and notes', () => {
    const data = timeline(false, stage('a', 1));
    expect(applyConversation(data, conversation(2), null)).toBe(data);
    const withNote = applyConversation(applyConversation(data, conversation(2), message('m1', 2)), conversation(3), message('n', 3, { isNote: true }));
    const entry = flattenTimeline(withNote)[0];
    expect(entry?.kind === 'conversation' && entry.conversation.messageCount).toBe(1);
  });
});

describe('tickets on the timeline', () => {
  const ticket = (status: 'NEW' | 'OPEN', slaState: 'running' | 'breached') =>
    ({
      id: 't1',
      number: 1001,
      subject: 'Invoice is wrong',
      status,
      priority: 'HIGH',
      assignee: null,
      createdAt: at(5),
      sla: { state: slaState },
    }) as unknown as Parameters<typeof ticketItem>[0];

  it('places a new ticket by its creation time and updates it in place when its status or SLA changes', () => {
    const data = timeline(false, stage('s2', 9), stage('s1', 1));
    const placed = upsertTimelineItem(data, ticketItem(ticket('NEW', 'running')));
    expect(keys(placed)).toEqual(['stage_change:s2', 'ticket:t1', 'stage_change:s1']);
    const changed = upsertTimelineItem(placed, ticketItem(ticket('OPEN', 'breached')));
    expect(keys(changed)).toEqual(['stage_change:s2', 'ticket:t1', 'stage_change:s1']);
    expect(flattenTimeline(changed)[1]).toMatchObject({ kind: 'ticket', ticket: { status: 'OPEN', slaState: 'breached', number: 1001 } });
  });
});
