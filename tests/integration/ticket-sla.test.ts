/**
 * SLA timers end to end: delayed jobs to the exact crossing, recorded once, moved by every change.
 * Targets are fractions of a business minute on an always-open calendar, so deadlines fall within
 * seconds and the tests wait for the events themselves (no sleeps).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TenantEvent } from '../../src/contracts/events.ts';
import type { TicketPriority } from '../../src/contracts/ticket.ts';
import { ALWAYS_OPEN } from '../../src/domain/business-hours.ts';
import { reconcileTicketJobs } from '../../server/ticket/reconcile-ticket-jobs.ts';
import { slaTimerJob } from '../../server/ticket/sla-timer.job.ts';
import { ApiUser } from '../support/api-client.ts';
import { addMember, createWorkspace, watchEvents } from '../support/factories.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.stop());

type Breach = Extract<TenantEvent, { type: 'ticket.sla_breached' }>;
type AtRisk = Extract<TenantEvent, { type: 'ticket.sla_at_risk' }>;
const breachOf = (ticketId: string) => (e: TenantEvent): e is Breach => e.type === 'ticket.sla_breached' && e.payload.ticket.id === ticketId;
const atRiskOf = (ticketId: string) => (e: TenantEvent): e is AtRisk => e.type === 'ticket.sla_at_risk' && e.payload.ticket.id === ticketId;

const policy = (priority: TicketPriority, firstResponseMinutes: number | null, resolutionMinutes: number | null = null) => ({ priority, firstResponseMinutes, resolutionMinutes });

const helpdesk = async (baseUrl: string, policies: Array<ReturnType<typeof policy>>) => {
  const ws = await createWorkspace(baseUrl);
  await ws.admin.http.ticket.updateBusinessCalendar.mutate({ calendar: { ...ALWAYS_OPEN, weekly: { ...ALWAYS_OPEN.weekly }, holidays: [] } });
  if (policies.length) await ws.admin.http.ticket.updateSlaPolicies.mutate({ policies });
  return ws;
};

const countEvents = (tenantId: string, type: string, ticketId: string) =>
  app.deps.db.event.count({ where: { tenantId, type, payload: { path: ['ticket', 'id'], equals: ticketId } } });

// Generous: these wait for real deadlines on a machine that may be busy with other work.
describe('SLA timers', { timeout: 90_000 }, () => {
  it('flags at-risk at 80 % and breach at the due time, once each, and notifies the assignee', async () => {
    // 9 s: at-risk at 7.2 s leaves 1.8 s before due, so even a slow timer records both lines
    // (a timer that only ran after the due time would rightly record just the breach).
    const { admin, tenantId } = await helpdesk(app.url, [policy('NORMAL', 0.15)]);
    const ana = await addMember(app.url, admin, 'AGENT', 'Ana');
    const stream = watchEvents(ana.member, '0', { waitMs: 40_000 });
    const ticket = await admin.http.ticket.create.mutate({ subject: 'Clock me', assigneeId: ana.me.user.id });
    expect(ticket.sla).toMatchObject({ state: 'running', firstResponse: { state: 'running', targetMinutes: 0.15 } });
    const dueAt = Date.parse(ticket.sla.firstResponse.dueAt!);
    const atRiskAt = Date.parse(ticket.sla.firstResponse.atRiskAt!);

    const breach = await stream.next(breachOf(ticket.id));
    const atRisk = await stream.next(atRiskOf(ticket.id));
    expect(atRisk.seq).toBeLessThan(breach.seq);
    // Recorded at (never before) the crossing it was scheduled for.
    expect(Date.parse(atRisk.createdAt)).toBeGreaterThanOrEqual(atRiskAt);
    expect(Date.parse(breach.createdAt)).toBeGreaterThanOrEqual(dueAt);
    expect(breach.payload).toMatchObject({ clock: 'first_response', ticket: { sla: { state: 'breached', firstResponse: { state: 'breached' } } } });

    // Nothing more is owed: no later timer could fire it again.
    const row = await app.deps.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } });
    expect(row.slaNextTimerAt).toBeNull();
    expect(await countEvents(tenantId, 'ticket.sla_breached', ticket.id)).toBe(1);
    expect(await countEvents(tenantId, 'ticket.sla_at_risk', ticket.id)).toBe(1);
    const notes = await ana.member.http.notification.list.query({});
    expect(notes.items.map((n) => n.kind).sort()).toEqual(['assigned', 'sla_at_risk', 'sla_breached']);
    // The list filters and sorts by the recorded state.
    expect((await admin.http.ticket.list.query({ slaState: ['breached'] })).items.map((t) => t.id)).toEqual([ticket.id]);
  });

  it('records a breach once when two workers run the same timer at the same moment', async () => {
    const { admin, tenantId } = await helpdesk(app.url, [policy('HIGH', 60)]);
    const ana = await addMember(app.url, admin, 'AGENT', 'Ana');
    const ticket = await admin.http.ticket.create.mutate({ subject: 'Race the timer', priority: 'HIGH', assigneeId: ana.me.user.id });
    // The ticket came in two hours ago (as after an outage): its 60-minute deadline has passed and
    // the timer that is due now runs on two workers at once.
    await app.deps.db.ticket.update({ where: { id: ticket.id }, data: { createdAt: new Date(Date.now() - 2 * 3_600_000) } });
    const job = { tenantId, ticketId: ticket.id, slaVersion: ticket.slaVersion, at: new Date().toISOString() };
    const handlerA = slaTimerJob(app.deps);
    const handlerB = slaTimerJob(app.deps);
    await Promise.all([handlerA(job, { attempt: 1, maxAttempts: 5 }), handlerB(job, { attempt: 1, maxAttempts: 5 })]);
    expect(await countEvents(tenantId, 'ticket.sla_breached', ticket.id)).toBe(1);
    expect(await app.deps.db.notification.count({ where: { tenantId, ticketId: ticket.id, kind: 'sla_breached' } })).toBe(1);
    // Running it once more (a redelivered job) is stale now and changes nothing.
    await handlerA(job, { attempt: 2, maxAttempts: 5 });
    expect(await countEvents(tenantId, 'ticket.sla_breached', ticket.id)).toBe(1);
    const after = await admin.http.ticket.get.query({ ticketId: ticket.id });
    expect(after.ticket.sla.state).toBe('breached');
    expect(after.ticket.slaVersion).toBe(ticket.slaVersion + 1);
  });

  it('tells the supervisors and admins of a breach on a ticket nobody is assigned, once each', async () => {
    const { admin, me, tenantId } = await helpdesk(app.url, [policy('HIGH', 60)]);
    const sam = await addMember(app.url, admin, 'SUPERVISOR', 'Sam');
    const ana = await addMember(app.url, admin, 'AGENT', 'Ana');
    const ticket = await admin.http.ticket.create.mutate({ subject: 'Nobody has it', priority: 'HIGH' });
    await app.deps.db.ticket.update({ where: { id: ticket.id }, data: { createdAt: new Date(Date.now() - 2 * 3_600_000) } });
    const job = { tenantId, ticketId: ticket.id, slaVersion: ticket.slaVersion, at: new Date().toISOString() };
    // Two workers at once, as above: still one notification per person.
    await Promise.all([slaTimerJob(app.deps)(job, { attempt: 1, maxAttempts: 5 }), slaTimerJob(app.deps)(job, { attempt: 1, maxAttempts: 5 })]);
    const told = await app.deps.db.notification.findMany({ where: { tenantId, ticketId: ticket.id, kind: 'sla_breached' }, select: { userId: true } });
    expect(told.map((n) => n.userId).sort()).toEqual([me.user.id, sam.me.user.id].sort());
    expect((await sam.member.http.notification.list.query({})).items.map((n) => n.kind)).toEqual(['sla_breached']);
    expect((await ana.member.http.notification.list.query({})).items).toEqual([]);
  });

  it('reschedules when the priority changes: a raised priority breaches at its own, earlier deadline', async () => {
    const { admin, tenantId } = await helpdesk(app.url, [policy('NORMAL', 600), policy('URGENT', 0.02)]);
    const stream = watchEvents(admin, '0', { waitMs: 40_000 });
    const ticket = await admin.http.ticket.create.mutate({ subject: 'Escalates' });
    const raised = await admin.http.ticket.update.mutate({ ticketId: ticket.id, priority: 'URGENT' });
    expect(raised.slaVersion).toBe(ticket.slaVersion + 1);
    expect(Date.parse(raised.sla.dueAt!)).toBeLessThan(Date.parse(ticket.sla.dueAt!));
    const breach = await stream.next(breachOf(ticket.id));
    expect(Date.parse(breach.createdAt)).toBeGreaterThanOrEqual(Date.parse(raised.sla.firstResponse.dueAt!));
    expect(breach.payload.ticket.priority).toBe('URGENT');
    expect(await countEvents(tenantId, 'ticket.sla_breached', ticket.id)).toBe(1);
  });

  it('pauses while pending (the old timer does nothing) and resumes with the paused time added', async () => {
    const { admin, tenantId } = await helpdesk(app.url, [policy('URGENT', 0.2)]); // 12 s
    const stream = watchEvents(admin, '0', { waitMs: 40_000 });
    const ticket = await admin.http.ticket.create.mutate({ subject: 'Waiting on customer', priority: 'URGENT' });
    const pending = await admin.http.ticket.update.mutate({ ticketId: ticket.id, status: 'PENDING' });
    // Stopped: no due time while pending (a clock already past 80 % stays flagged at risk, paused).
    expect(pending.sla.dueAt).toBeNull();
    expect(pending.sla.firstResponse.dueAt).toBeNull();
    expect(['paused', 'at_risk']).toContain(pending.sla.state);
    // The timer scheduled at creation fires into a newer version: it records nothing.
    const stale = { tenantId, ticketId: ticket.id, slaVersion: ticket.slaVersion, at: new Date().toISOString() };
    await slaTimerJob(app.deps)(stale, { attempt: 1, maxAttempts: 5 });
    expect(await countEvents(tenantId, 'ticket.sla_breached', ticket.id)).toBe(0);
    expect((await admin.http.ticket.get.query({ ticketId: ticket.id })).ticket.sla).toEqual(pending.sla);

    const resumed = await admin.http.ticket.update.mutate({ ticketId: ticket.id, status: 'OPEN' });
    const pause = (await app.deps.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).slaPauses as Array<{ from: string; to: string }>;
    const pausedMs = Date.parse(pause[0]!.to) - Date.parse(pause[0]!.from);
    expect(Date.parse(resumed.sla.firstResponse.dueAt!)).toBeGreaterThanOrEqual(Date.parse(ticket.sla.firstResponse.dueAt!) + pausedMs - 1);
    const breach = await stream.next(breachOf(ticket.id));
    expect(Date.parse(breach.createdAt)).toBeGreaterThanOrEqual(Date.parse(resumed.sla.firstResponse.dueAt!));
  });

  it('keeps a breach when the priority is lowered afterwards (an ended clock keeps its target)', async () => {
    const { admin } = await helpdesk(app.url, [policy('URGENT', 0.02), policy('LOW', 600)]);
    const stream = watchEvents(admin, '0', { waitMs: 40_000 });
    const ticket = await admin.http.ticket.create.mutate({ subject: 'Too late', priority: 'URGENT' });
    await stream.next(breachOf(ticket.id));
    await admin.http.ticket.addComment.mutate({ ticketId: ticket.id, body: 'Sorry for the wait', visibility: 'public' });
    const lowered = await admin.http.ticket.update.mutate({ ticketId: ticket.id, priority: 'LOW' });
    expect(lowered.sla.firstResponse).toMatchObject({ state: 'breached', targetMinutes: 0.02 });
  });

  it('reopening resumes the resolution clock without counting the time it sat resolved', async () => {
    const { admin } = await helpdesk(app.url, [policy('NORMAL', null, 600)]);
    const ticket = await admin.http.ticket.create.mutate({ subject: 'Came back' });
    const resolved = await admin.http.ticket.update.mutate({ ticketId: ticket.id, status: 'RESOLVED' });
    expect(resolved.sla.resolution.state).toBe('met');
    const reopened = await admin.http.ticket.update.mutate({ ticketId: ticket.id, status: 'OPEN' });
    expect(reopened.sla.resolution.state).toBe('running');
    const pauses = (await app.deps.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).slaPauses as Array<{ from: string; to: string }>;
    expect(pauses).toHaveLength(1);
    expect(pauses[0]!.from).toBe(resolved.resolvedAt);
    const sitting = Date.parse(pauses[0]!.to) - Date.parse(pauses[0]!.from);
    // Always open: the due time moves later by exactly the resolved period (to the millisecond, rounded up).
    const shift = Date.parse(reopened.sla.resolution.dueAt!) - Date.parse(ticket.sla.resolution.dueAt!);
    expect(shift).toBeGreaterThanOrEqual(sitting - 1);
    expect(shift).toBeLessThanOrEqual(sitting + 1);
  });

  it('recomputes open tickets when a policy changes', async () => {
    const { admin } = await helpdesk(app.url, []);
    const stream = watchEvents(admin, '0', { waitMs: 40_000 });
    const ticket = await admin.http.ticket.create.mutate({ subject: 'Had no target' });
    expect(ticket.sla.state).toBe('none');
    await admin.http.ticket.updateSlaPolicies.mutate({ policies: [policy('NORMAL', 0.02)] });
    await stream.next(breachOf(ticket.id));
  });

  it('re-enqueues owed timers at start: a lost enqueue still fires', async () => {
    const { admin, tenantId } = await helpdesk(app.url, [policy('NORMAL', 0.02)]);
    const stream = watchEvents(admin, '0', { waitMs: 40_000 });
    const ticket = await admin.http.ticket.create.mutate({ subject: 'Reconciled' });
    // As after a Redis flush: reconciling enqueues the timer again under the same id (deduplicated if still there).
    await reconcileTicketJobs(app.deps, { tenantId });
    await stream.next(breachOf(ticket.id));
    expect(await countEvents(tenantId, 'ticket.sla_breached', ticket.id)).toBe(1);
  });
});

describe('SLA timers on two nodes sharing Redis (BullMQ)', { timeout: 90_000 }, () => {
  let nodeA: TestApp;
  let nodeB: TestApp;
  beforeAll(async () => {
    const redisPrefix = `sla-pair-${crypto.randomUUID().slice(0, 8)}`;
    [nodeA, nodeB] = await Promise.all([startTestApp({ redis: true, redisPrefix }), startTestApp({ redis: true, redisPrefix })]);
  });
  afterAll(async () => {
    await Promise.all([nodeA?.stop(), nodeB?.stop()]);
  });

  it('fires a breach once although both nodes run workers and both reconcile', async () => {
    const { admin, tenantId } = await helpdesk(nodeA.url, [policy('NORMAL', 0.02)]);
    // Watched through node B: the breach may be recorded by either node's worker.
    const onB = new ApiUser(nodeB.url);
    onB.cookie = admin.cookie;
    const stream = watchEvents(onB, '0', { waitMs: 40_000 });
    const ticket = await admin.http.ticket.create.mutate({ subject: 'Two nodes' });
    await Promise.all([reconcileTicketJobs(nodeA.deps, { tenantId }), reconcileTicketJobs(nodeB.deps, { tenantId })]);
    await stream.next(breachOf(ticket.id));
    await Promise.all([nodeA.deps.queue.whenIdle(), nodeB.deps.queue.whenIdle()]);
    expect(await countEvents(tenantId, 'ticket.sla_breached', ticket.id)).toBe(1);
    // At most once (a timer running late, past the due time, records only the breach).
    expect(await countEvents(tenantId, 'ticket.sla_at_risk', ticket.id)).toBeLessThanOrEqual(1);
  });
});
