import type { InfiniteData } from '@tanstack/react-query';
import type { SlaStateDto, TicketDto, TicketPageDto, TicketPriority, TicketSort, TicketStatus } from '../../../../src/contracts/ticket.ts';

/** What a cached ticket list was asked for (the query input, without cursor and limit). */
export type TicketFilter = {
  status?: TicketStatus[] | undefined;
  priority?: TicketPriority[] | undefined;
  /** 'me', 'unassigned' or a member's id. */
  assignee?: string | undefined;
  slaState?: SlaStateDto[] | undefined;
  tag?: string | undefined;
  search?: string | undefined;
  sort: TicketSort;
};

export type TicketListData = InfiniteData<TicketPageDto, unknown>;

/** How the total changed; 'unknown' when the event alone cannot tell (ask the server). */
export type TotalChange = 0 | 1 | -1 | 'unknown';

const NUMBER_SEARCH = /^#?(\d{1,9})$/;

/** Whether a ticket belongs in a filtered list, by the server's rules (search: "#1042" the number, any text the subject). */
export const matchesTicket = (t: TicketDto, f: TicketFilter, meId: string | null): boolean => {
  if (f.status?.length && !f.status.includes(t.status)) return false;
  if (f.priority?.length && !f.priority.includes(t.priority)) return false;
  if (f.slaState?.length && !f.slaState.includes(t.sla.state)) return false;
  if (f.assignee === 'me' && (meId === null || t.assignee?.id !== meId)) return false;
  if (f.assignee === 'unassigned' && t.assignee !== null) return false;
  if (f.assignee && f.assignee !== 'me' && f.assignee !== 'unassigned' && t.assignee?.id !== f.assignee) return false;
  if (f.tag && !t.tags.includes(f.tag.trim().toLowerCase())) return false;
  const search = f.search?.trim().toLowerCase();
  if (!search) return true;
  const number = NUMBER_SEARCH.exec(search);
  return (number !== null && String(t.number) === number[1]) || t.subject.toLowerCase().includes(search);
};

const PRIORITY_RANK: Record<TicketPriority, number> = { LOW: 0, NORMAL: 1, HIGH: 2, URGENT: 3 };
const time = (iso: string | null) => (iso === null ? null : Date.parse(iso));

/** Negative when `a` comes first in the server's order for `sort` (server/ticket/list-tickets.ts). */
export const compareTickets = (a: TicketDto, b: TicketDto, sort: TicketSort): number => {
  switch (sort) {
    case 'sla_due': {
      const [da, db] = [time(a.sla.dueAt), time(b.sla.dueAt)];
      if (da === db) return a.number - b.number;
      if (da === null) return 1;
      if (db === null) return -1;
      return da - db;
    }
    case 'priority':
      return PRIORITY_RANK[b.priority] - PRIORITY_RANK[a.priority] || b.number - a.number;
    case 'created':
      return b.number - a.number;
    case 'updated':
      return Date.parse(b.updatedAt) - Date.parse(a.updatedAt) || b.number - a.number;
  }
};

const locate = (data: TicketListData, id: string): [number, number] | null => {
  for (let p = 0; p < data.pages.length; p++) {
    const i = data.pages[p]!.items.findIndex((t) => t.id === id);
    if (i !== -1) return [p, i];
  }
  return null;
};

const hasMore = (data: TicketListData) => data.pages.at(-1)?.nextCursor != null;

const removeAt = (data: TicketListData, [p, i]: [number, number]): TicketListData => {
  const pages = data.pages.slice();
  const items = pages[p]!.items;
  pages[p] = { ...pages[p]!, items: [...items.slice(0, i), ...items.slice(i + 1)] };
  return { ...data, pages };
};

/** Inserts at the sorted place among loaded rows; null when that place is past them and more pages exist. */
const insertSorted = (data: TicketListData, t: TicketDto, sort: TicketSort): TicketListData | null => {
  for (let p = 0; p < data.pages.length; p++) {
    const items = data.pages[p]!.items;
    const i = items.findIndex((other) => compareTickets(t, other, sort) < 0);
    if (i !== -1) {
      const pages = data.pages.slice();
      pages[p] = { ...pages[p]!, items: [...items.slice(0, i), t, ...items.slice(i)] };
      return { ...data, pages };
    }
  }
  if (hasMore(data) || data.pages.length === 0) return null;
  const last = data.pages.length - 1;
  const pages = data.pages.slice();
  pages[last] = { ...pages[last]!, items: [...pages[last]!.items, t] };
  return { ...data, pages };
};

const withTotal = (data: TicketListData, change: TotalChange): TicketListData =>
  typeof change === 'number' && change !== 0 ? { ...data, pages: data.pages.map((p) => ({ ...p, total: Math.max(0, p.total + change) })) } : data;

export const setTotal = (data: TicketListData, total: number): TicketListData => ({ ...data, pages: data.pages.map((p) => ({ ...p, total })) });

/**
 * Puts a ticket's newest snapshot into one cached list: a row that still matches is replaced in
 * place when its position holds (no jump) or moved to its sorted place; a row that no longer
 * matches leaves; a ticket that now matches arrives where it sorts, if that is among the loaded rows.
 * `created`: the ticket did not exist before this event, so it cannot already be counted.
 */
export const placeTicket = (
  data: TicketListData,
  t: TicketDto,
  filter: TicketFilter,
  meId: string | null,
  created: boolean,
): { data: TicketListData; total: TotalChange } => {
  const match = matchesTicket(t, filter, meId);
  const at = locate(data, t.id);
  if (at) {
    if (match === false) return { data: withTotal(removeAt(data, at), -1), total: -1 };
    const without = removeAt(data, at);
    const [p, i] = at;
    const items = data.pages[p]!.items;
    const prev = items[i - 1];
    const next = items[i + 1];
    const stays = (!prev || compareTickets(prev, t, filter.sort) <= 0) && (!next || compareTickets(t, next, filter.sort) <= 0);
    if (stays) {
      const pages = data.pages.slice();
      const copy = items.slice();
      copy[i] = t;
      pages[p] = { ...pages[p]!, items: copy };
      return { data: { ...data, pages }, total: 0 };
    }
    // Sorted past the loaded rows: it comes back with a later page.
    return { data: insertSorted(without, t, filter.sort) ?? without, total: 0 };
  }
  // Not loaded and not matching: it may have just left an unloaded page.
  if (!match) return { data, total: !created && hasMore(data) ? 'unknown' : 0 };
  const inserted = insertSorted(data, t, filter.sort);
  // Not loaded and matching: new to the list if it was just created or every page is loaded;
  // otherwise it may have been on a page not loaded yet.
  const total: TotalChange = created || !hasMore(data) ? 1 : 'unknown';
  return { data: withTotal(inserted ?? data, total), total };
};

/** Loaded rows, once each (a row can sit on two pages for a moment while one loads). */
export const flattenTickets = (data: TicketListData | undefined): TicketDto[] => {
  if (!data) return [];
  const seen = new Set<string>();
  const rows: TicketDto[] = [];
  for (const page of data.pages) {
    for (const t of page.items) {
      if (seen.has(t.id)) continue;
      seen.add(t.id);
      rows.push(t);
    }
  }
  return rows;
};
