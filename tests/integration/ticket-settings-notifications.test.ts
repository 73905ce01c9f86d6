/** Notifications, SLA settings and their roles, ticket presence, and the demo helpdesk. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoHelpdesk } from '../../server/dev/demo-helpdesk.ts';
import type { TicketPresenceView } from '../../server/realtime/presence.router.ts';
import { Collector } from '../support/events.ts';
import { addMember, createWorkspace, refusalOf } from '../support/factories.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.stop());

describe('notifications', () => {
  it('lists a member’s own notifications with unread counts and marks them read', async () => {
    const { admin } = await createWorkspace(app.url);
    const ana = await addMember(app.url, admin, 'AGENT', 'Ana');
    const t1 = await admin.http.ticket.create.mutate({ subject: 'One', assigneeId: ana.me.user.id });
    await admin.http.ticket.create.mutate({ subject: 'Two', assigneeId: ana.me.user.id });
    await admin.http.ticket.addComment.mutate({ ticketId: t1.id, body: 'ping', visibility: 'internal' });
    expect(await ana.member.http.notification.unreadCount.query()).toEqual({ count: 3 });
    // The admin did all of it: nothing for them.
    expect(await admin.http.notification.unreadCount.query()).toEqual({ count: 0 });
    const first = await ana.member.http.notification.list.query({ limit: 2 });
    expect(first).toMatchObject({ total: 3, unread: 3 });
    expect(first.items.map((n) => n.kind)).toEqual(['commented', 'assigned']);
    const second = await ana.member.http.notification.list.query({ limit: 2, cursor: first.nextCursor });
    expect(second.items.map((n) => [n.kind, n.ticket.subject])).toEqual([['assigned', 'One']]);
    expect(await ana.member.http.notification.markRead.mutate({ notificationIds: [first.items[0]!.id] })).toEqual({ unreadCount: 2 });
    expect((await ana.member.http.notification.list.query({ unreadOnly: true })).total).toBe(2);
    // Someone else's notification is unknown to the admin.
    expect(await refusalOf(admin.http.notification.markRead.mutate({ notificationIds: [first.items[1]!.id] }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await ana.member.http.notification.markAllRead.mutate()).toEqual({ unreadCount: 0 });
    expect(await ana.member.http.notification.unreadCount.query()).toEqual({ count: 0 });
  });
});

describe('roles', () => {
  it('lets agents read SLA policies and business hours but not change them', async () => {
    const { admin } = await createWorkspace(app.url);
    const agent = await addMember(app.url, admin, 'AGENT');
    const supervisor = await addMember(app.url, admin, 'SUPERVISOR');
    const policies = await agent.member.http.ticket.slaPolicies.query();
    expect(policies.map((p) => p.priority)).toEqual(['URGENT', 'HIGH', 'NORMAL', 'LOW']);
    expect(await agent.member.http.ticket.businessCalendar.query()).toMatchObject({ timeZone: 'UTC' });
    const change = { policies: [{ priority: 'URGENT' as const, firstResponseMinutes: 15, resolutionMinutes: 120 }] };
    expect(await refusalOf(agent.member.http.ticket.updateSlaPolicies.mutate(change))).toMatchObject({ code: 'FORBIDDEN' });
    const calendar = await agent.member.http.ticket.businessCalendar.query();
    expect(await refusalOf(agent.member.http.ticket.updateBusinessCalendar.mutate({ calendar: { ...calendar, timeZone: 'Europe/Berlin' } }))).toMatchObject({ code: 'FORBIDDEN' });
    const updated = await supervisor.member.http.ticket.updateSlaPolicies.mutate(change);
    expect(updated[0]).toMatchObject({ priority: 'URGENT', firstResponseMinutes: 15, resolutionMinutes: 120 });
    expect(await supervisor.member.http.ticket.updateBusinessCalendar.mutate({ calendar: { ...calendar, timeZone: 'Europe/Berlin' } })).toMatchObject({ timeZone: 'Europe/Berlin' });
    // A calendar that can never open is refused with a field message.
    const closed = { ...calendar, weekly: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] } };
    expect(await refusalOf(admin.http.ticket.updateBusinessCalendar.mutate({ calendar: closed }))).toMatchObject({ code: 'BAD_REQUEST' });
  });
});

describe('who is on a ticket', () => {
  it('shows teammates viewing and editing a ticket live, apart from conversation presence', async () => {
    const { admin } = await createWorkspace(app.url);
    const ana = await addMember(app.url, admin, 'AGENT', 'Ana');
    const ticket = await admin.http.ticket.create.mutate({ subject: 'Shared' });
    const views = new Collector<TicketPresenceView[]>();
    const { client } = admin.live();
    const subscription = client.presence.watchTicket.subscribe({ ticketId: ticket.id }, { onData: (v) => views.push(v) });
    await views.until((v) => v.length === 1);
    expect(views.items[0]).toEqual([]);
    await ana.member.http.presence.beatTicket.mutate({ ticketId: ticket.id, state: 'viewing' });
    await views.until((v) => v.some((s) => s.some((p) => p.name === 'Ana' && p.state === 'viewing')));
    await ana.member.http.presence.beatTicket.mutate({ ticketId: ticket.id, state: 'editing' });
    await views.until((v) => v.some((s) => s.some((p) => p.name === 'Ana' && p.state === 'editing')));
    await ana.member.http.presence.leaveTicket.mutate({ ticketId: ticket.id });
    await views.until((v) => v.at(-1)!.length === 0);
    subscription.unsubscribe();
    await admin.close();
  });
});

describe('demo helpdesk', () => {
  it('seeds SLA targets and tickets in several states', async () => {
    const { admin, me, tenantId } = await createWorkspace(app.url);
    await seedDemoHelpdesk(app.deps, { tenantId, actorId: me.user.id });
    const policies = await admin.http.ticket.slaPolicies.query();
    expect(policies.find((p) => p.priority === 'URGENT')).toMatchObject({ firstResponseMinutes: 30, resolutionMinutes: 240 });
    const { items } = await admin.http.ticket.list.query({ sort: 'created' });
    expect(items.map((t) => [t.priority, t.status, t.sla.state])).toEqual([
      ['LOW', 'NEW', 'running'],
      ['NORMAL', 'PENDING', 'paused'],
      ['URGENT', 'NEW', 'running'],
    ]);
  });
});
