import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createWorkspace, refusalOf, watchEvents } from '../support/factories.ts';
import { createLead } from '../support/crm.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.stop());

describe('task lists', () => {
  it('mine, today, overdue and all, by the calendar day of the given time zone', async () => {
    const { admin, me } = await createWorkspace(app.url);
    const { me: other } = await addMember(app.url, admin, 'AGENT', 'Otto Other');
    const lead = await createLead(admin, { createTasks: false });
    const zone = 'Pacific/Kiritimati';
    const today = DateTime.now().setZone(zone).startOf('day');
    const make = (title: string, due: DateTime, assigneeId = me.user.id) => admin.http.task.create.mutate({ contactId: lead.id, title, dueAt: due.toUTC().toISO()!, assigneeId });
    await make('overdue', today.minus({ hours: 1 }));
    await make('early today', today.plus({ minutes: 1 }));
    await make('late today', today.plus({ hours: 23, minutes: 59 }));
    await make('tomorrow', today.plus({ days: 1, minutes: 1 }));
    await make('someone else today', today.plus({ minutes: 2 }), other.user.id);
    const titles = async (input: Parameters<typeof admin.http.task.list.query>[0]) => (await admin.http.task.list.query(input)).items.map((t) => t.title);

    expect(await titles({ view: 'overdue', timeZone: zone })).toEqual(['overdue']);
    expect(await titles({ view: 'today', timeZone: zone })).toEqual(['overdue', 'early today', 'late today']);
    expect(await titles({ view: 'today', timeZone: zone, assignee: 'anyone' })).toEqual(['overdue', 'early today', 'someone else today', 'late today']);
    expect(await titles({ view: 'mine' })).toEqual(['overdue', 'early today', 'late today', 'tomorrow']);
    expect((await admin.http.task.list.query({ view: 'all' })).total).toBe(5);
    expect(await admin.http.task.counts.query({ timeZone: zone })).toEqual({ mine: 4, today: 3, overdue: 1 });
    // Fourteen hours west of UTC the same instants fall on other days.
    const west = 'Pacific/Pago_Pago';
    const westToday = DateTime.now().setZone(west).startOf('day');
    const expectedOverdue = ['overdue', 'early today', 'late today', 'tomorrow'].filter((_, i) =>
      [today.minus({ hours: 1 }), today.plus({ minutes: 1 }), today.plus({ hours: 23, minutes: 59 }), today.plus({ days: 1, minutes: 1 })][i]! < westToday,
    );
    expect(await titles({ view: 'overdue', timeZone: west })).toEqual(expectedOverdue);
    expect((await refusalOf(admin.http.task.list.query({ view: 'today', timeZone: 'Mars/Olympus' }))).code).toBe('BAD_REQUEST');
  });

  it('pages with a cursor and the real total', async () => {
    const { admin } = await createWorkspace(app.url);
    for (let i = 0; i < 3; i++) await createLead(admin);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof admin.http.task.list.query>> = await admin.http.task.list.query({ view: 'mine', limit: 4, cursor });
      expect(page.total).toBe(15);
      seen.push(...page.items.map((t) => t.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(15);
  });
});

describe('task actions', () => {
  it('complete, skip, snooze, reassign and reopen, each live', async () => {
    const { admin, me } = await createWorkspace(app.url);
    const { me: other } = await addMember(app.url, admin, 'AGENT', 'Otto Other');
    const lead = await createLead(admin);
    const [t1, t2, t3, t4] = (await admin.http.task.list.query({ view: 'mine' })).items;
    const stream = watchEvents(admin);

    const done = await admin.http.task.complete.mutate({ taskId: t1!.id });
    expect(done).toMatchObject({ status: 'DONE', completedBy: { id: me.user.id } });
    expect((await refusalOf(admin.http.task.complete.mutate({ taskId: t1!.id }))).code).toBe('PRECONDITION_FAILED');

    expect(await admin.http.task.skip.mutate({ taskId: t2!.id, reason: 'Already talked' })).toMatchObject({ status: 'SKIPPED', skipReason: 'Already talked' });

    const until = DateTime.now().plus({ days: 30 }).toUTC().toISO()!;
    const snoozed = await admin.http.task.snooze.mutate({ taskId: t3!.id, until });
    expect(Date.parse(snoozed.dueAt)).toBe(Date.parse(until));
    expect(snoozed.snoozedUntil).toBe(snoozed.dueAt);
    expect((await refusalOf(admin.http.task.snooze.mutate({ taskId: t3!.id, until: DateTime.now().minus({ minutes: 1 }).toUTC().toISO()! }))).code).toBe('BAD_REQUEST');

    expect(await admin.http.task.reassign.mutate({ taskId: t4!.id, assigneeId: other.user.id })).toMatchObject({ assignee: { id: other.user.id, name: 'Otto Other' } });
    expect((await refusalOf(admin.http.task.reassign.mutate({ taskId: t4!.id, assigneeId: crypto.randomUUID() }))).code).toBe('NOT_FOUND');

    expect(await admin.http.task.reopen.mutate({ taskId: t1!.id })).toMatchObject({ status: 'OPEN', completedAt: null, completedBy: null });

    const updates = await stream.until((e) => e.filter((x) => x.type === 'task.updated').length === 5);
    expect(updates.flatMap((e) => (e.type === 'task.updated' ? [e.payload.task.id] : []))).toEqual([t1!.id, t2!.id, t3!.id, t4!.id, t1!.id]);
    // The snoozed task left the top of my list; the reassigned one left it.
    const mine = (await admin.http.task.list.query({ view: 'mine' })).items.map((t) => t.id);
    expect(mine.at(-1)).toBe(t3!.id);
    expect(mine).not.toContain(t4!.id);
    expect(lead.id).toBe(t1!.contact.id);
  });

  it('two agents completing one task at once: one wins', async () => {
    const { admin } = await createWorkspace(app.url);
    const { member } = await addMember(app.url, admin, 'AGENT');
    await createLead(admin);
    const [task] = (await admin.http.task.list.query({ view: 'mine' })).items;
    const results = await Promise.allSettled([admin.http.task.complete.mutate({ taskId: task!.id }), member.http.task.complete.mutate({ taskId: task!.id })]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  });
});

describe('cadence', () => {
  it('is editable by supervisors; new leads follow it; an emptied cadence creates no tasks', async () => {
    const { admin } = await createWorkspace(app.url);
    const { member } = await addMember(app.url, admin, 'AGENT');
    expect((await admin.http.task.cadence.query()).steps.map((s) => s.dayOffset)).toEqual([0, 2, 5, 10, 20]);
    expect((await refusalOf(member.http.task.updateCadence.mutate({ steps: [] }))).code).toBe('FORBIDDEN');
    const stream = watchEvents(admin);
    const cadence = await admin.http.task.updateCadence.mutate({ steps: [{ dayOffset: 7, title: 'Week later' }, { dayOffset: 1, title: 'Next day' }], timeZone: 'Europe/Paris' });
    expect(cadence).toEqual({ timeZone: 'Europe/Paris', steps: [{ position: 1, dayOffset: 1, title: 'Next day' }, { position: 2, dayOffset: 7, title: 'Week later' }] });
    await stream.next((e) => e.type === 'cadence.updated');
    const lead = await createLead(admin);
    expect((await admin.http.task.list.query({ view: 'all', contactId: lead.id })).items.map((t) => t.title)).toEqual(['Next day', 'Week later']);
    await admin.http.task.updateCadence.mutate({ steps: [] });
    const quiet = await createLead(admin);
    expect((await admin.http.task.list.query({ view: 'all', contactId: quiet.id })).total).toBe(0);
    expect((await refusalOf(admin.http.task.updateCadence.mutate({ steps: [], timeZone: 'Nowhere/Land' }))).code).toBe('BAD_REQUEST');
  });
});
