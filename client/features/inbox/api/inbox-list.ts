import type { InfiniteData } from '@tanstack/react-query';
import type { ConversationDto } from '../../../../src/contracts/conversation.ts';

/** What a cached inbox list was asked for (the query input, without the cursor). */
export type InboxFilter = {
  assignee: 'mine' | 'unassigned' | 'all';
  status: 'OPEN' | 'RESOLVED';
  search?: string | undefined;
  channelId?: string | undefined;
};

export type InboxPage = { items: ConversationDto[]; nextCursor: string | null; total: number };
export type InboxData = InfiniteData<InboxPage, unknown>;

/**
 * How the total changed: known exactly, or unknowable from the event alone (a conversation that
 * was not loaded may or may not have been in the filter before), in which case ask the server.
 */
export type TotalChange = 0 | 1 | -1 | 'unknown';

export type Placement = { data: InboxData; total: TotalChange };

/**
 * Whether a conversation belongs in a filtered list. Search also matches message text, which the
 * client cannot see for older messages: a name or number match is certain, anything else unknown.
 */
export const matchesFilter = (c: ConversationDto, filter: InboxFilter, meId: string | null, newText?: string): boolean | 'unknown' => {
  if (c.status !== filter.status) return false;
  if (filter.channelId && c.channelId !== filter.channelId) return false;
  if (filter.assignee === 'mine' && (meId === null || c.assigneeId !== meId)) return false;
  if (filter.assignee === 'unassigned' && c.assigneeId !== null) return false;
  const search = filter.search?.trim().toLowerCase();
  if (!search) return true;
  const digits = search.replace(/[^\d]/g, '');
  if (c.contact.name.toLowerCase().includes(search)) return true;
  if (digits.length >= 3 && c.contact.phone.includes(digits)) return true;
  if (newText?.toLowerCase().includes(search)) return true;
  return 'unknown';
};

/** The server's order: newest activity first, ties by id descending. */
const before = (a: ConversationDto, b: ConversationDto): boolean => {
  const at = Date.parse(a.lastMessageAt) - Date.parse(b.lastMessageAt);
  return at > 0 || (at === 0 && a.id > b.id);
};

const withTotal = (data: InboxData, change: TotalChange): InboxData =>
  typeof change === 'number' && change !== 0
    ? { ...data, pages: data.pages.map((p) => ({ ...p, total: Math.max(0, p.total + change) })) }
    : data;

const locate = (data: InboxData, id: string): [number, number] | null => {
  for (let p = 0; p < data.pages.length; p++) {
    const i = data.pages[p]!.items.findIndex((c) => c.id === id);
    if (i !== -1) return [p, i];
  }
  return null;
};

const hasMore = (data: InboxData) => data.pages.at(-1)?.nextCursor != null;

/** Inserts at the sorted position among loaded rows; null when it falls after them and more pages exist. */
const insertSorted = (data: InboxData, c: ConversationDto): InboxData | null => {
  const pages = data.pages;
  for (let p = 0; p < pages.length; p++) {
    const items = pages[p]!.items;
    const i = items.findIndex((other) => before(c, other));
    if (i !== -1) {
      const next = pages.slice();
      next[p] = { ...pages[p]!, items: [...items.slice(0, i), c, ...items.slice(i)] };
      return { ...data, pages: next };
    }
  }
  if (hasMore(data)) return null;
  const last = pages.length - 1;
  if (last < 0) return null;
  const next = pages.slice();
  next[last] = { ...pages[last]!, items: [...pages[last]!.items, c] };
  return { ...data, pages: next };
};

const removeAt = (data: InboxData, [p, i]: [number, number]): InboxData => {
  const next = data.pages.slice();
  const items = next[p]!.items;
  next[p] = { ...next[p]!, items: [...items.slice(0, i), ...items.slice(i + 1)] };
  return { ...data, pages: next };
};

/**
 * Puts a conversation's newest snapshot into one cached list. A row whose sort position did not
 * change is replaced where it stands (no jump); a row that no longer matches leaves; a row that
 * now matches arrives at its sorted place when that place is among the loaded rows.
 *
 * `moved` says the event can have moved the row (a new message); `created` that the
 * conversation did not exist before the event.
 */
export const placeConversation = (
  data: InboxData,
  c: ConversationDto,
  filter: InboxFilter,
  meId: string | null,
  opts: { moved: boolean; created: boolean; newText?: string },
): Placement => {
  const match = matchesFilter(c, filter, meId, opts.newText);
  const at = locate(data, c.id);
  if (at) {
    if (match === false) return { data: withTotal(removeAt(data, at), -1), total: -1 };
    const current = data.pages[at[0]]!.items[at[1]]!;
    if (current.lastMessageAt === c.lastMessageAt) {
      const next = data.pages.slice();
      const items = next[at[0]]!.items.slice();
      items[at[1]] = c;
      next[at[0]] = { ...next[at[0]]!, items };
      return { data: { ...data, pages: next }, total: 0 };
    }
    const moved = insertSorted(removeAt(data, at), c);
    // Moved past the loaded rows (an older timestamp): it will come with a later page.
    return { data: moved ?? removeAt(data, at), total: 0 };
  }
  if (match !== true) return { data, total: 0 };
  const inserted = insertSorted(data, c);
  // Not loaded and now in the filter: new to it, unless it was further down and a message moved it up.
  const total: TotalChange = opts.created || !hasMore(data) || (inserted && !opts.moved) ? 1 : 'unknown';
  return { data: withTotal(inserted ?? data, total), total };
};

/** Sets the server's total on every page, after asking for it. */
export const setTotal = (data: InboxData, total: number): InboxData => ({ ...data, pages: data.pages.map((p) => ({ ...p, total })) });

/** The loaded rows, once each (a row can be on two pages for a moment while a page loads). */
export const flattenInbox = (data: InboxData | undefined): ConversationDto[] => {
  if (!data) return [];
  const seen = new Set<string>();
  const rows: ConversationDto[] = [];
  for (const page of data.pages) {
    for (const c of page.items) {
      if (seen.has(c.id)) continue;
      seen.add(c.id);
      rows.push(c);
    }
  }
  return rows;
};

/** Drops every loaded row of a channel (its conversations went with it); the caller re-counts. */
export const removeChannelRows = (data: InboxData, channelId: string): InboxData =>
  data.pages.some((p) => p.items.some((c) => c.channelId === channelId))
    ? { ...data, pages: data.pages.map((p) => ({ ...p, items: p.items.filter((c) => c.channelId !== channelId) })) }
    : data;
