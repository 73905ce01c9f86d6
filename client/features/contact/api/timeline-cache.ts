import type { InfiniteData } from '@tanstack/react-query';
import type { ConversationDto, MessageDto } from '../../../../src/contracts/conversation.ts';
import { timelineTicketOf, type StageChangeDto, type TimelineItemDto, type TimelinePageDto } from '../../../../src/contracts/contact.ts';
import type { TicketDto } from '../../../../src/contracts/ticket.ts';
import type { EmailDto } from '../../../../src/contracts/email.ts';
import type { TaskDto } from '../../../../src/contracts/task.ts';

export type TimelineData = InfiniteData<TimelinePageDto, string | null>;

/** How many message previews a conversation entry keeps (the server sends the newest few). */
const RECENT_MESSAGES = 3;

/** Where the server puts each kind on the timeline (see TimelineItemDto). */
export const taskItem = (task: TaskDto): TimelineItemDto => ({ kind: 'task', key: `task:${task.id}`, at: task.completedAt ?? task.dueAt, task });
export const emailItem = (email: EmailDto): TimelineItemDto => ({ kind: 'email', key: `email:${email.id}`, at: email.sentAt ?? email.createdAt, email });
export const ticketItem = (ticket: TicketDto): TimelineItemDto => ({ kind: 'ticket', key: `ticket:${ticket.id}`, at: ticket.createdAt, ticket: timelineTicketOf(ticket) });
export const stageItem = (change: StageChangeDto): TimelineItemDto => ({ kind: 'stage_change', key: `stage_change:${change.id}`, at: change.at, change });

/** Newest first; ties by key, descending, as the server orders them. */
const before = (a: TimelineItemDto, b: TimelineItemDto): boolean => {
  const d = Date.parse(a.at) - Date.parse(b.at);
  return d > 0 || (d === 0 && a.key > b.key);
};

const without = (data: TimelineData, key: string): { data: TimelineData; found: TimelineItemDto | null } => {
  let found: TimelineItemDto | null = null;
  const pages = data.pages.map((p) => {
    const i = p.items.findIndex((item) => item.key === key);
    if (i === -1) return p;
    found = p.items[i]!;
    return { ...p, items: [...p.items.slice(0, i), ...p.items.slice(i + 1)] };
  });
  return { data: found ? { ...data, pages } : data, found };
};

/**
 * Puts an entry at its place in a cached timeline: replaced in place when its time did not
 * change (no jump), else moved. An entry older than everything loaded, with more pages to come,
 * is left for the page that holds it.
 */
export const upsertTimelineItem = (data: TimelineData, item: TimelineItemDto): TimelineData => {
  for (let p = 0; p < data.pages.length; p++) {
    const i = data.pages[p]!.items.findIndex((x) => x.key === item.key);
    if (i !== -1 && data.pages[p]!.items[i]!.at === item.at) {
      const pages = data.pages.slice();
      const items = pages[p]!.items.slice();
      items[i] = item;
      pages[p] = { ...pages[p]!, items };
      return { ...data, pages };
    }
  }
  const base = without(data, item.key).data;
  for (let p = 0; p < base.pages.length; p++) {
    const items = base.pages[p]!.items;
    const i = items.findIndex((other) => before(item, other));
    if (i !== -1) {
      const pages = base.pages.slice();
      pages[p] = { ...pages[p]!, items: [...items.slice(0, i), item, ...items.slice(i)] };
      return { ...base, pages };
    }
  }
  const last = base.pages.length - 1;
  if (last < 0 || base.pages[last]!.nextCursor !== null) return base;
  const pages = base.pages.slice();
  pages[last] = { ...pages[last]!, items: [...pages[last]!.items, item] };
  return { ...base, pages };
};

const findItem = (data: TimelineData, key: string): TimelineItemDto | null => {
  for (const p of data.pages) {
    const item = p.items.find((x) => x.key === key);
    if (item) return item;
  }
  return null;
};

/**
 * A conversation's entry after a message or a conversation change: the snapshot replaced, a new
 * message added to the previews and the count. A conversation not yet on the timeline arrives
 * with its first message (the server would list it with that one message).
 */
export const applyConversation = (data: TimelineData, conversation: ConversationDto, message: MessageDto | null): TimelineData => {
  const key = `conversation:${conversation.id}`;
  const current = findItem(data, key);
  const entry = current?.kind === 'conversation' ? current.conversation : null;
  if (!entry && !message) return data;
  const previews = entry?.recentMessages ?? [];
  const known = message ? previews.some((m) => m.id === message.id) : true;
  const recentMessages =
    message && !known && !message.isNote
      ? [...previews, { id: message.id, direction: message.direction, preview: message.body, fromAi: message.aiAgentId !== null, at: message.createdAt }].slice(
          -RECENT_MESSAGES,
        )
      : previews;
  const messageCount = (entry?.messageCount ?? 0) + (message && !known && !message.isNote ? 1 : 0);
  return upsertTimelineItem(data, {
    kind: 'conversation',
    key,
    at: conversation.lastMessageAt,
    conversation: { conversation, messageCount, recentMessages },
  });
};

/** The loaded entries once each, in order. */
export const flattenTimeline = (data: { pages: TimelinePageDto[] } | undefined): TimelineItemDto[] => {
  if (!data) return [];
  const seen = new Set<string>();
  const out: TimelineItemDto[] = [];
  for (const page of data.pages) {
    for (const item of page.items) {
      if (seen.has(item.key)) continue;
      seen.add(item.key);
      out.push(item);
    }
  }
  return out;
};
