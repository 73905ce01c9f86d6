import { describe, expect, it } from 'vitest';
import type { TaskDto } from '../../../../src/contracts/task.ts';
import { flattenTasks, patchTaskContact, placeTask, taskMatches, type TaskListData, type TaskQuery } from './task-cache.ts';

const NOW = new Date(2026, 10, 18, 12, 0).getTime();
const hoursFromNow = (h: number) => new Date(NOW + h * 3_600_000).toISOString();

const task = (id: string, dueInHours: number, extra: Partial<TaskDto> = {}): TaskDto => ({
  id,
  contact: { id: 'c1', name: 'Ana', email: 'ana@example.test', phone: null, company: '', doNotEmail: false, doNotEmailReason: null },
  assigneeId: 'me',
  assignee: { id: 'me', name: 'Me' },
  title: `Task ${id}`,
  dueAt: hoursFromNow(dueInHours),
  status: 'OPEN',
  snoozedUntil: null,
  completedAt: null,
  completedBy: null,
  emailId: null,
  cadenceStep: 1,
  skipReason: null,
  createdAt: hoursFromNow(-100),
  updatedAt: hoursFromNow(-100),
  ...extra,
});

const list = (more: boolean, ...items: TaskDto[]): TaskListData => ({ pages: [{ items, nextCursor: more ? 'next' : null, total: items.length + (more ? 10 : 0) }], pageParams: [null] });
const ids = (d: TaskListData) => flattenTasks(d).map((t) => t.id);

describe('taskMatches', () => {
  it.each<[string, Partial<TaskDto>, number, TaskQuery, boolean]>([
    ['mine: open and mine', {}, 5, { view: 'mine' }, true],
    ['mine: someone else’s', { assigneeId: 'x' }, 5, { view: 'mine' }, false],
    ['mine: done', { status: 'DONE' }, 5, { view: 'mine' }, false],
    ['today: due later today', {}, 3, { view: 'today' }, true],
    ['today: overdue counts too', {}, -48, { view: 'today' }, true],
    ['today: tomorrow', {}, 24, { view: 'today' }, false],
    ['overdue: yesterday', {}, -24, { view: 'overdue' }, true],
    ['overdue: earlier today is not overdue', {}, -1, { view: 'overdue' }, false],
    ['today for anyone', { assigneeId: 'x' }, 1, { view: 'today', assignee: 'anyone' }, true],
    ['all: any status', { status: 'SKIPPED', assigneeId: 'x' }, 5, { view: 'all' }, true],
    ['all: status filter', { status: 'SKIPPED' }, 5, { view: 'all', status: 'DONE' }, false],
    ['contact filter', {}, 5, { view: 'all', contactId: 'c2' }, false],
  ])('%s', (_name, extra, due, q, expected) => expect(taskMatches(task('a', due, extra), q, 'me', NOW)).toBe(expected));
});

describe('placeTask', () => {
  it('removes a completed task from an open list and counts it out', () => {
    const result = placeTask(list(false, task('a', 1), task('b', 2)), task('a', 1, { status: 'DONE' }), { view: 'mine' }, 'me', NOW);
    expect(ids(result.data)).toEqual(['b']);
    expect(result.data.pages[0]!.total).toBe(1);
  });

  it('moves a snoozed task to its new place', () => {
    const result = placeTask(list(false, task('a', 1), task('b', 2)), task('a', 30), { view: 'mine' }, 'me', NOW);
    expect(ids(result.data)).toEqual(['b', 'a']);
    expect(result.total).toBe(0);
  });

  it('inserts a new task in due order', () => {
    const result = placeTask(list(false, task('a', 1), task('b', 5)), task('c', 3), { view: 'mine' }, 'me', NOW);
    expect(ids(result.data)).toEqual(['a', 'c', 'b']);
    expect(result.data.pages[0]!.total).toBe(3);
  });

  it('says unknown when a new task sorts past the loaded rows', () => {
    const result = placeTask(list(true, task('a', 1)), task('z', 90), { view: 'mine' }, 'me', NOW);
    expect(result.total).toBe('unknown');
    expect(ids(result.data)).toEqual(['a']);
  });
});

describe('patchTaskContact', () => {
  it('puts the contact’s newest fields (a do-not-email block with its reason) into every row naming it', () => {
    const other = task('b', 2, { contact: { ...task('x', 0).contact, id: 'c2' } });
    const data = list(false, task('a', 1), other, task('c', 3));
    const blocked = { ...task('x', 0).contact, doNotEmail: true, doNotEmailReason: 'Email bounced: mailbox full' };
    const patched = patchTaskContact(data, blocked);
    expect(flattenTasks(patched).map((t) => [t.id, t.contact.doNotEmailReason])).toEqual([
      ['a', 'Email bounced: mailbox full'],
      ['b', null],
      ['c', 'Email bounced: mailbox full'],
    ]);
    expect(flattenTasks(patched)[1]).toBe(other);
  });

  it('returns the same data when no row names the contact', () => {
    const data = list(false, task('a', 1));
    expect(patchTaskContact(data, { ...task('x', 0).contact, id: 'nobody' })).toBe(data);
  });
});
