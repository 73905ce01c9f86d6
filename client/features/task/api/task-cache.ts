import type { InfiniteData } from '@tanstack/react-query';
import type { ListTasksInput, TaskDto, TaskPageDto } from '../../../../src/contracts/task.ts';

export type TaskListData = InfiniteData<TaskPageDto, unknown>;
export type TaskQuery = Partial<Omit<ListTasksInput, 'cursor' | 'limit'>>;

const startOfDay = (now: number) => {
  const d = new Date(now);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
};

/**
 * Whether a task belongs in a list, by the server's rules (server/task/list-tasks.ts), with
 * "today" in the viewer's zone: the lists are asked for with the browser's time zone.
 */
export const taskMatches = (t: TaskDto, q: TaskQuery, meId: string | null, now: number): boolean => {
  const view = q.view ?? 'mine';
  if (q.contactId && t.contact.id !== q.contactId) return false;
  const who = view === 'mine' ? 'me' : (q.assignee ?? (view === 'all' ? 'anyone' : 'me'));
  if (who === 'me' && (meId === null || t.assigneeId !== meId)) return false;
  if (who !== 'me' && who !== 'anyone' && t.assigneeId !== who) return false;
  if (view === 'all') return !q.status || t.status === q.status;
  if (t.status !== 'OPEN') return false;
  if (view === 'mine') return true;
  const due = Date.parse(t.dueAt);
  const today = startOfDay(now);
  return view === 'today' ? due < today + 86_400_000 : due < today;
};

/** Soonest due first, ties by id ascending (the server's keyset order). */
const before = (a: TaskDto, b: TaskDto) => {
  const d = Date.parse(a.dueAt) - Date.parse(b.dueAt);
  return d < 0 || (d === 0 && a.id < b.id);
};

const withTotal = (data: TaskListData, change: number): TaskListData =>
  change === 0 ? data : { ...data, pages: data.pages.map((p) => ({ ...p, total: Math.max(0, p.total + change) })) };

/**
 * A task's newest snapshot in one cached list: replaced in place, moved when its due time
 * changed (a snooze), removed when it left the list (completed, reassigned), inserted when it
 * joined. `'unknown'` when it joined below the loaded rows: the caller re-counts.
 */
export const placeTask = (data: TaskListData, task: TaskDto, q: TaskQuery, meId: string | null, now: number): { data: TaskListData; total: number | 'unknown' } => {
  const match = taskMatches(task, q, meId, now);
  let found: { p: number; i: number } | null = null;
  data.pages.forEach((page, p) => {
    const i = page.items.findIndex((x) => x.id === task.id);
    if (i !== -1 && !found) found = { p, i };
  });
  const at = found as { p: number; i: number } | null;
  if (at && match && data.pages[at.p]!.items[at.i]!.dueAt === task.dueAt) {
    const pages = data.pages.slice();
    const items = pages[at.p]!.items.slice();
    items[at.i] = task;
    pages[at.p] = { ...pages[at.p]!, items };
    return { data: { ...data, pages }, total: 0 };
  }
  const base: TaskListData = at
    ? { ...data, pages: data.pages.map((page, p) => (p === at.p ? { ...page, items: page.items.filter((x) => x.id !== task.id) } : page)) }
    : data;
  if (!match) return at ? { data: withTotal(base, -1), total: -1 } : { data, total: 0 };
  const pages = base.pages;
  for (let p = 0; p < pages.length; p++) {
    const items = pages[p]!.items;
    const i = items.findIndex((other) => before(task, other));
    if (i !== -1) {
      const next = pages.slice();
      next[p] = { ...pages[p]!, items: [...items.slice(0, i), task, ...items.slice(i)] };
      const inserted = { ...base, pages: next };
      return at ? { data: inserted, total: 0 } : { data: withTotal(inserted, 1), total: 1 };
    }
  }
  const last = pages.length - 1;
  if (last >= 0 && pages[last]!.nextCursor === null) {
    const next = pages.slice();
    next[last] = { ...pages[last]!, items: [...pages[last]!.items, task] };
    const appended = { ...base, pages: next };
    return at ? { data: appended, total: 0 } : { data: withTotal(appended, 1), total: 1 };
  }
  // Sorted past the loaded rows: it comes with a later page.
  return at ? { data: base, total: 0 } : { data, total: 'unknown' };
};

export const flattenTasks = (data: TaskListData | undefined): TaskDto[] => {
  if (!data) return [];
  const seen = new Set<string>();
  const out: TaskDto[] = [];
  for (const page of data.pages) {
    for (const t of page.items) {
      if (seen.has(t.id)) continue;
      seen.add(t.id);
      out.push(t);
    }
  }
  return out;
};

type ContactSnapshot = TaskDto['contact'];

/**
 * A contact's newest fields into the task rows that show it (a rename, a new address, a bounce
 * that marks it do-not-email): the rows and an open composer read the contact from the task.
 * The same `data` when no row names the contact, so callers can skip the cache write.
 */
export const patchTaskContact = (data: TaskListData, contact: ContactSnapshot): TaskListData => {
  let changed = false;
  const pages = data.pages.map((page) => {
    if (!page.items.some((t) => t.contact.id === contact.id)) return page;
    changed = true;
    return { ...page, items: page.items.map((t) => (t.contact.id === contact.id ? { ...t, contact: { ...contact } } : t)) };
  });
  return changed ? { ...data, pages } : data;
};

/** The task-row view of a contact. */
export const contactSnapshot = (c: ContactSnapshot): ContactSnapshot => ({
  id: c.id,
  name: c.name,
  email: c.email,
  phone: c.phone,
  company: c.company,
  doNotEmail: c.doNotEmail,
  doNotEmailReason: c.doNotEmailReason,
});
