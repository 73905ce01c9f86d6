/**
 * Tickets on the supervisor dashboards: the live panel moves by push as tickets are created,
 * change status and breach their SLA; analytics count SLA compliance exactly as the pure formula
 * does, every number drills into its tickets, and nothing crosses workspaces.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALWAYS_OPEN } from '../../src/domain/business-hours.ts';
import { ticketSlaCompliance } from '../../src/domain/metrics/ticket-sla-compliance.ts';
import { watchLiveDashboard } from '../support/dashboard.ts';
import { addMember, createWorkspace, refusalOf, watchEvents } from '../support/factories.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.stop());

const range = { preset: '24h' as const };
const timeZone = 'UTC';

const helpdesk = async (firstResponseMinutes: number | null) => {
  const ws = await createWorkspace(app.url);
  await ws.admin.http.ticket.updateBusinessCalendar.mutate({ calendar: { ...ALWAYS_OPEN, weekly: { ...ALWAYS_OPEN.weekly }, holidays: [] } });
  await ws.admin.http.ticket.updateSlaPolicies.mutate({ policies: [{ priority: 'URGENT', firstResponseMinutes, resolutionMinutes: null }] });
  return ws;
};

describe('tickets on the dashboards', { timeout: 90_000 }, () => {
  it('live: the panel follows creation, status changes and an SLA breach by push', async () => {
    const { admin } = await helpdesk(0.05);
    const sue = await addMember(app.url, admin, 'SUPERVISOR', 'Sue');
    const live = watchLiveDashboard(sue.member);
    expect((await live.until(() => true)).tickets).toEqual({ byStatus: { NEW: 0, OPEN: 0, PENDING: 0, RESOLVED: 0, CLOSED: 0 }, unresolved: 0, atRisk: 0, breached: 0 });

    const calm = await admin.http.ticket.create.mutate({ subject: 'No rush', priority: 'LOW' });
    await live.until((s) => s.tickets.byStatus.NEW === 1, 'a new ticket');
    await admin.http.ticket.update.mutate({ ticketId: calm.id, status: 'OPEN' });
    const moved = await live.until((s) => s.tickets.byStatus.OPEN === 1, 'opened');
    expect(moved.tickets).toMatchObject({ byStatus: { NEW: 0 }, unresolved: 1 });

    // 3 s to a first response on an always-open calendar: its timer records the breach.
    await admin.http.ticket.create.mutate({ subject: 'Server down', priority: 'URGENT' });
    const breached = await live.until((s) => s.tickets.breached === 1, 'breached by its timer');
    expect(breached.tickets.unresolved).toBe(2);
  });

  it('analytics: SLA compliance equals the pure formula, and each count drills into exactly its tickets', async () => {
    const { admin } = await helpdesk(600);
    const stream = watchEvents(admin);
    const answered = await admin.http.ticket.create.mutate({ subject: 'Answered', priority: 'URGENT' });
    await admin.http.ticket.addComment.mutate({ ticketId: answered.id, body: 'On it', visibility: 'internal' });
    await admin.http.ticket.create.mutate({ subject: 'Waiting', priority: 'URGENT' });
    await admin.http.ticket.create.mutate({ subject: 'No target', priority: 'LOW' });
    // A public reply without a conversation or contact: stored, and it stops the first-response clock in time.
    await admin.http.ticket.addComment.mutate({ ticketId: answered.id, body: 'Fixed', visibility: 'public' });
    await stream.next((e) => e.type === 'ticket.comment_added' && e.payload.comment.visibility === 'public');

    const analytics = await admin.http.dashboard.analytics.query({ range, timeZone });
    const rows = await app.deps.db.ticket.findMany({ where: { tenantId: (await admin.http.auth.me.query()).workspace.id } });
    const expected = ticketSlaCompliance(
      rows.map((t) => {
        const clocks = t.slaClocks as { firstResponse: { state: 'met' }; resolution: { state: 'met' } };
        return { priority: t.priority, firstResponse: clocks.firstResponse.state, resolution: clocks.resolution.state, createdAt: t.createdAt, firstRespondedAt: t.firstRespondedAt, resolvedAt: t.resolvedAt };
      }),
    );
    expect(analytics.tickets).toEqual(expected);
    expect(analytics.tickets).toMatchObject({ tickets: 3, firstResponse: { met: 1, breached: 0, open: 1, untracked: 1, compliance: 1 } });

    const created = await admin.http.dashboard.drill.query({ metric: 'tickets_created', range, timeZone, limit: 2 });
    const rest = await admin.http.dashboard.drill.query({ metric: 'tickets_created', range, timeZone, limit: 2, cursor: created.nextCursor });
    expect([...created.items, ...rest.items].map((i) => i.title).sort()).toEqual([`#${answered.number} Answered`, '#1002 Waiting', '#1003 No target'].sort());
    expect(rest.nextCursor).toBeNull();
    const met = await admin.http.dashboard.drill.query({ metric: 'tickets_first_response_met', range, timeZone });
    expect(met.items).toEqual([expect.objectContaining({ id: answered.id, kind: 'ticket', href: `/tickets/${answered.id}` })]);
    expect(met.items[0]!.valueMs).toBeGreaterThanOrEqual(0);
    expect((await admin.http.dashboard.drill.query({ metric: 'tickets_first_response_breached', range, timeZone })).items).toEqual([]);

    const csv = await admin.http.dashboard.exportCsv.query({ table: 'ticket_sla', range, timeZone });
    expect(csv.csv.split('\n')[0]).toContain('first_response_compliance_pct');
    expect(csv.csv).toContain('ALL,3,1,0,1,100');
  });

  it('keeps workspaces apart and supervisor-only', async () => {
    const mine = await helpdesk(600);
    const theirs = await helpdesk(600);
    await theirs.admin.http.ticket.create.mutate({ subject: 'Theirs', priority: 'URGENT' });
    expect((await mine.admin.http.dashboard.analytics.query({ range, timeZone })).tickets.tickets).toBe(0);
    expect((await mine.admin.http.dashboard.drill.query({ metric: 'tickets_created', range, timeZone })).items).toEqual([]);
    const live = watchLiveDashboard(mine.admin);
    expect((await live.until(() => true)).tickets.unresolved).toBe(0);
    const agent = await addMember(app.url, mine.admin, 'AGENT', 'Ann');
    expect(await refusalOf(agent.member.http.dashboard.drill.query({ metric: 'tickets_created', range, timeZone }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refusalOf(agent.member.http.dashboard.exportCsv.query({ table: 'ticket_sla', range, timeZone }))).toMatchObject({ code: 'FORBIDDEN' });
  });
});
