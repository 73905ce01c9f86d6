import type { InfiniteData } from '@tanstack/react-query';
import type { MessageDto } from '../../../../src/contracts/conversation.ts';
import { MESSAGE_STATUSES, nextMessageStatus, type MessageStatus } from '../../../../src/domain/message-status.ts';

/** One page of a thread, oldest-first; pages[0] is the newest page, later pages go back in time. */
export type ThreadPage = { items: MessageDto[]; olderCursor: string | null };
/** Generic over the page parameter so it fits whatever tRPC infers for the cursor. */
export type ThreadData<P = unknown> = InfiniteData<ThreadPage, P>;

const isOutboundStatus = (s: MessageDto['status']): s is MessageStatus => (MESSAGE_STATUSES as readonly string[]).includes(s);

/** Chronological order, as the server returns it: createdAt, then id. */
const after = (a: MessageDto, b: MessageDto): boolean => {
  const at = Date.parse(a.createdAt) - Date.parse(b.createdAt);
  return at > 0 || (at === 0 && a.id > b.id);
};

/**
 * The newer of two snapshots of one message. Statuses only move forward, so a slow answer to the
 * send (still QUEUED) never undoes a SENT that the event stream delivered first.
 */
export const mergeMessage = (current: MessageDto, incoming: MessageDto): MessageDto => {
  if (isOutboundStatus(current.status) && isOutboundStatus(incoming.status)) {
    const status = nextMessageStatus(current.status, incoming.status);
    if (status === current.status && status !== incoming.status) return current;
  }
  return incoming;
};

const insertSorted = (items: MessageDto[], m: MessageDto): MessageDto[] => {
  let i = items.length;
  while (i > 0 && after(items[i - 1]!, m)) i--;
  return [...items.slice(0, i), m, ...items.slice(i)];
};

const withoutId = <P>(data: ThreadData<P>, id: string): ThreadData<P> => ({
  ...data,
  pages: data.pages.map((p) => (p.items.some((m) => m.id === id) ? { ...p, items: p.items.filter((m) => m.id !== id) } : p)),
});

export const findMessage = <P>(data: ThreadData<P> | undefined, id: string): MessageDto | undefined => {
  for (const page of data?.pages ?? []) {
    const found = page.items.find((m) => m.id === id);
    if (found) return found;
  }
  return undefined;
};

/**
 * Puts a message snapshot into a cached thread: replaced where it is (re-sorted only if its time
 * changed), or inserted in order into the loaded page it belongs to. A message older than
 * everything loaded, with older pages still on the server, is left for when those load.
 */
export const upsertMessage = <P>(data: ThreadData<P>, message: MessageDto): ThreadData<P> => {
  const current = findMessage(data, message.id);
  if (current) {
    const merged = mergeMessage(current, message);
    if (merged === current) return data;
    if (merged.createdAt === current.createdAt) {
      return { ...data, pages: data.pages.map((p) => ({ ...p, items: p.items.map((m) => (m.id === message.id ? merged : m)) })) };
    }
    return upsertMessage(withoutId(data, message.id), merged);
  }
  const pages = data.pages;
  for (let p = 0; p < pages.length; p++) {
    const page = pages[p]!;
    const oldest = page.items[0];
    const isLast = p === pages.length - 1;
    if (!oldest || !after(oldest, message) || (isLast && page.olderCursor === null)) {
      const next = pages.slice();
      next[p] = { ...page, items: insertSorted(page.items, message) };
      return { ...data, pages: next };
    }
  }
  return data;
};

export const removeMessage = <P>(data: ThreadData<P>, id: string): ThreadData<P> => withoutId(data, id);

/** All loaded messages, oldest first, each once. */
export const flattenThread = <P>(data: ThreadData<P> | undefined): MessageDto[] => {
  if (!data) return [];
  const seen = new Set<string>();
  const out: MessageDto[] = [];
  for (let p = data.pages.length - 1; p >= 0; p--) {
    for (const m of data.pages[p]!.items) {
      if (seen.has(m.id)) continue;
      seen.add(m.id);
      out.push(m);
    }
  }
  return out;
};
