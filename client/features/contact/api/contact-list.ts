import type { InfiniteData } from '@tanstack/react-query';
import type { ContactDto, ContactFilter, ContactPageDto } from '../../../../src/contracts/contact.ts';

export type ContactListData = InfiniteData<ContactPageDto, unknown>;
export type ContactSort = 'created' | 'updated';

/** Total change an event implies; 'unknown' when only the server can say (ask it). */
export type TotalChange = 0 | 1 | -1 | 'unknown';

/**
 * Whether a contact belongs in a filtered list. Search matches more than the client can check
 * exactly (phone digits, company…); a miss on the loaded text is 'unknown', not false.
 */
export const matchesContactFilter = (c: ContactDto, f: ContactFilter, meId: string | null): boolean | 'unknown' => {
  if (f.stage && c.stage !== f.stage) return false;
  if (f.source && c.source !== f.source) return false;
  if (f.doNotEmail !== undefined && c.doNotEmail !== f.doNotEmail) return false;
  if (f.tag && !c.tags.some((t) => t.toLowerCase() === f.tag!.toLowerCase())) return false;
  if (f.owner === 'none' && c.ownerId !== null) return false;
  if (f.owner === 'me' && (meId === null || c.ownerId !== meId)) return false;
  if (f.owner && f.owner !== 'me' && f.owner !== 'none' && c.ownerId !== f.owner) return false;
  const search = f.search?.trim().toLowerCase();
  if (!search) return true;
  const hay = [c.name, c.email ?? '', c.company].join(' ').toLowerCase();
  if (hay.includes(search)) return true;
  const digits = search.replace(/\D/g, '');
  if (digits.length >= 3 && (c.phone ?? '').includes(digits)) return true;
  return 'unknown';
};

const sortKey = (c: ContactDto, sort: ContactSort) => (sort === 'updated' ? c.updatedAt : c.createdAt);

/** The server's order: newest first, ties by id descending. */
const before = (a: ContactDto, b: ContactDto, sort: ContactSort): boolean => {
  const d = Date.parse(sortKey(a, sort)) - Date.parse(sortKey(b, sort));
  return d > 0 || (d === 0 && a.id > b.id);
};

const locate = (data: ContactListData, id: string): [number, number] | null => {
  for (let p = 0; p < data.pages.length; p++) {
    const i = data.pages[p]!.items.findIndex((c) => c.id === id);
    if (i !== -1) return [p, i];
  }
  return null;
};

const hasMore = (data: ContactListData) => data.pages.at(-1)?.nextCursor != null;

const withTotal = (data: ContactListData, change: TotalChange): ContactListData =>
  typeof change === 'number' && change !== 0 ? { ...data, pages: data.pages.map((p) => ({ ...p, total: Math.max(0, p.total + change) })) } : data;

const removeAt = (data: ContactListData, [p, i]: [number, number]): ContactListData => {
  const pages = data.pages.slice();
  const items = pages[p]!.items;
  pages[p] = { ...pages[p]!, items: [...items.slice(0, i), ...items.slice(i + 1)] };
  return { ...data, pages };
};

const insertSorted = (data: ContactListData, c: ContactDto, sort: ContactSort): ContactListData | null => {
  const pages = data.pages;
  for (let p = 0; p < pages.length; p++) {
    const items = pages[p]!.items;
    const i = items.findIndex((other) => before(c, other, sort));
    if (i !== -1) {
      const next = pages.slice();
      next[p] = { ...pages[p]!, items: [...items.slice(0, i), c, ...items.slice(i)] };
      return { ...data, pages: next };
    }
  }
  if (hasMore(data) || pages.length === 0) return null;
  const last = pages.length - 1;
  const next = pages.slice();
  next[last] = { ...pages[last]!, items: [...pages[last]!.items, c] };
  return { ...data, pages: next };
};

/**
 * Puts a contact's newest snapshot into one cached list: replaced where it stands when its sort
 * position holds (no jump), removed when it no longer matches, inserted at its place when it now
 * does. `created` says the contact did not exist before the event.
 */
export const placeContact = (
  data: ContactListData,
  c: ContactDto,
  filter: ContactFilter,
  sort: ContactSort,
  meId: string | null,
  created: boolean,
): { data: ContactListData; total: TotalChange } => {
  const match = matchesContactFilter(c, filter, meId);
  const at = locate(data, c.id);
  if (at) {
    if (match === false) return { data: withTotal(removeAt(data, at), -1), total: -1 };
    const current = data.pages[at[0]]!.items[at[1]]!;
    if (sortKey(current, sort) === sortKey(c, sort)) {
      const pages = data.pages.slice();
      const items = pages[at[0]]!.items.slice();
      items[at[1]] = c;
      pages[at[0]] = { ...pages[at[0]]!, items };
      return { data: { ...data, pages }, total: 0 };
    }
    const without = removeAt(data, at);
    return { data: insertSorted(without, c, sort) ?? without, total: 0 };
  }
  if (match !== true) return { data, total: match === 'unknown' && created ? 'unknown' : 0 };
  const inserted = insertSorted(data, c, sort);
  const total: TotalChange = created || !hasMore(data) ? 1 : 'unknown';
  return { data: withTotal(inserted ?? data, total), total };
};

export const setContactTotal = (data: ContactListData, total: number): ContactListData => ({
  ...data,
  pages: data.pages.map((p) => ({ ...p, total })),
});

/** Loaded rows once each (a row can sit on two pages while one loads). */
export const flattenContacts = (data: ContactListData | undefined): ContactDto[] => {
  if (!data) return [];
  const seen = new Set<string>();
  const rows: ContactDto[] = [];
  for (const page of data.pages) {
    for (const c of page.items) {
      if (seen.has(c.id)) continue;
      seen.add(c.id);
      rows.push(c);
    }
  }
  return rows;
};
