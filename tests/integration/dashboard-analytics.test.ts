/**
 * Analytics in SQL (over the ConversationStats rows the stats job writes) agree with the pure
 * formulas on hand-built histories; drill-downs list exactly
 * what a number counted; agents are refused every dashboard procedure; another workspace's rows
 * never count and its ids are NOT_FOUND.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { RangeInput } from '../../src/contracts/dashboard.ts';
import { perAgent, perPersona, summarize } from '../../src/domain/metrics/aggregate.ts';
import type { ConversationHistory } from '../../src/domain/metrics/history.ts';
import { ANA, BEN, PERSONA, T0, ai, customer, history, human, note, t } from '../../src/domain/metrics/metrics-fixtures.ts';
import { getAnalytics } from '../../server/dashboard/analytics/get-analytics.ts';
import { drillDown } from '../../server/dashboard/drill/drill-down.ts';
import { ACTIVITY_VOLUME_JOB, CONVERSATION_STATS_JOB } from '../../server/dashboard/stats/stats.job.ts';
import { floorBucket } from '../../server/dashboard/stats/volume-rollup.ts';
import { appRouter } from '../../server/trpc/app-router.ts';
import { startFakeGraph, type FakeGraph } from '../../server/dev/fake-graph-server.ts';
import type { ApiUser } from '../support/api-client.ts';
import { createPersona } from '../support/ai.ts';
import { addMember, createWorkspace, refusalOf } from '../support/factories.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { connectCloudChannel, randomPhone } from '../support/whatsapp.ts';

let app: TestApp;
let graph: FakeGraph;
beforeAll(async () => {
  [app, graph] = await Promise.all([startTestApp(), startFakeGraph()]);
});
afterAll(async () => {
  await Promise.all([app?.stop(), graph?.stop()]);
});

const OTHER_PERSONA = '00000000-0000-4000-8000-0000000000c2';
const NOW = t(600);
const RANGE: RangeInput = { preset: 'custom', from: new Date(T0 - 3_600_000).toISOString(), to: new Date(T0 + 86_400_000).toISOString() };

/** Every path: AI alone, takeover, escalation then pickup, queue only, handback, notes, bursts, an open one. */
const scripted = (): ConversationHistory[] => [
  history('ai-alone', { first: 'AI', messages: [customer(0), customer(1), ai(3)], resolvedAtMinute: 10 }),
  history('taken-over', { first: 'AI', steps: [{ minute: 4, to: 'HUMAN', actor: ANA }], messages: [customer(0), ai(2), customer(3), note(5, ANA), human(6, ANA)], resolvedAtMinute: 30 }),
  history('escalated', { first: 'AI', steps: [{ minute: 1, to: 'QUEUE', reason: 'asked for a human' }, { minute: 11, to: 'HUMAN', actor: BEN }], messages: [customer(0), human(13, BEN)] }),
  history('queue-only', { first: 'QUEUE', steps: [{ minute: 2, to: 'HUMAN', actor: BEN }], messages: [customer(0), human(5, BEN), human(7, BEN)], resolvedAtMinute: 20 }),
  history('handed-back', { first: 'AI', steps: [{ minute: 1, to: 'HUMAN', actor: ANA }, { minute: 3, to: 'AI' }], messages: [customer(0), human(2, ANA), customer(4), ai(7, OTHER_PERSONA)], resolvedAtMinute: 40 }),
  history('escalated-2', { first: 'AI', steps: [{ minute: 2, to: 'QUEUE', reason: 'ai failed' }], messages: [customer(0), ai(1), customer(2)] }),
  history('waiting', { first: 'QUEUE', messages: [customer(0)] }),
];

/** The scripted histories with real ids, stored as the app would have stored them. */
const seedScripted = async (admin: ApiUser, tenantId: string, ids: Record<string, string>) => {
  const remap = (value: string | null) => (value === null ? null : (ids[value] ?? value));
  const { channel } = await connectCloudChannel(admin, { appUrl: app.url, graphUrl: graph.url });
  const db = app.deps.db;
  const histories = scripted().map((h) => ({
    ...h,
    changes: h.changes.map((c) => ({ ...c, actorId: remap(c.actorId), toAssigneeId: remap(c.toAssigneeId) })),
    messages: h.messages.map((m) => ({ ...m, senderId: remap(m.senderId), aiAgentId: remap(m.aiAgentId) })),
  }));
  const conversationIds: Record<string, string> = {};
  for (const h of histories) {
    const contact = await db.contact.create({ data: { tenantId, phone: randomPhone(), name: `Contact ${h.id}` } });
    const last = h.changes.at(-1);
    const row = await db.conversation.create({
      data: {
        tenantId, channelId: channel.id, contactId: contact.id, createdAt: new Date(h.createdAt),
        status: h.resolvedAt ? 'RESOLVED' : 'OPEN', resolvedAt: h.resolvedAt ? new Date(h.resolvedAt) : null,
        owner: h.currentOwner, ownerVersion: h.changes.length, assigneeId: last?.to === 'HUMAN' ? last.toAssigneeId : null,
      },
    });
    conversationIds[h.id] = row.id;
    await db.ownershipChange.createMany({
      data: h.changes.map((c) => ({
        tenantId, conversationId: row.id, fromOwner: c.from, toOwner: c.to, toAssigneeId: c.toAssigneeId, actorId: c.actorId, reason: c.reason, version: c.version, createdAt: new Date(c.at),
      })),
    });
    await db.message.createMany({
      data: h.messages.map((m) => ({
        tenantId, conversationId: row.id, direction: m.direction, type: 'text', body: 'x', status: m.direction === 'INBOUND' ? 'RECEIVED' : 'SENT',
        senderId: m.senderId, aiAgentId: m.aiAgentId, isNote: m.isNote, createdAt: new Date(m.at),
      })),
    });
  }
  // Rows written straight to the tables publish no events: ask for the refresh the events would
  // have asked for, and wait for the analytics rows like a reader lagging by the debounce.
  for (const conversationId of Object.values(conversationIds)) {
    await app.deps.queue.enqueue(CONVERSATION_STATS_JOB, { tenantId, conversationId }, { jobId: `${conversationId}.seeded` });
  }
  const volumeBuckets = new Set(histories.flatMap((h) => [h.createdAt, ...h.messages.map((m) => m.at)]).map(floorBucket));
  for (const bucketStart of volumeBuckets) {
    await app.deps.queue.enqueue(ACTIVITY_VOLUME_JOB, { tenantId, bucketStart }, { jobId: `${tenantId}.${bucketStart}.seeded` });
  }
  await app.deps.queue.whenIdle();
  const ratings = [
    { aiAgentId: ids[PERSONA]!, helpful: true },
    { aiAgentId: ids[PERSONA]!, helpful: true },
    { aiAgentId: ids[PERSONA]!, helpful: false },
  ];
  await db.aiRating.createMany({
    data: ratings.map((r, i) => ({ tenantId, messageId: randomUUID(), aiAgentId: r.aiAgentId, userId: randomUUID(), helpful: r.helpful, createdAt: new Date(t(50 + i)) })),
  });
  return { histories, ratings, conversationIds };
};

const world = async () => {
  const { admin, tenantId } = await createWorkspace(app.url);
  const ana = await addMember(app.url, admin, 'AGENT', 'Ana Agent');
  const ben = await addMember(app.url, admin, 'AGENT', 'Ben Agent');
  const sue = await addMember(app.url, admin, 'SUPERVISOR', 'Sue Supervisor');
  const nova = await createPersona(admin, { name: 'Nova' });
  const sol = await createPersona(admin, { name: 'Sol', isDefault: false });
  const ids = { [ANA]: ana.me.user.id, [BEN]: ben.me.user.id, [PERSONA]: nova.id, [OTHER_PERSONA]: sol.id };
  const seeded = await seedScripted(admin, tenantId, ids);
  return { admin, tenantId, ana, ben, sue, nova, sol, ids, ...seeded };
};
type World = Awaited<ReturnType<typeof world>>;

let shared: World;
beforeAll(async () => {
  shared = await world();
});

describe('analytics in SQL = the pure formulas', () => {
  it('computes the summary exactly as summarize() does', async () => {
    const { histories, tenantId } = shared;
    const expected = summarize(histories, NOW);
    const got = await getAnalytics(app.deps, { tenantId, range: RANGE, timeZone: 'UTC', now: NOW });
    expect(got.summary).toEqual({
      conversations: expected.conversations,
      resolved: expected.resolved,
      aiStarted: expected.aiStarted,
      aiResolved: expected.aiResolved,
      aiResolutionRate: expected.aiResolutionRate,
      everAi: 5,
      takenOver: expected.takenOver,
      takeoverRate: expected.takeoverRate,
      everHuman: 4,
      handedBack: expected.handedBack,
      handbackRate: expected.handbackRate,
      botMs: expected.botMs,
      humanMs: expected.humanMs,
      queueMs: expected.queueMs,
      humanFirstResponse: expected.humanFirstResponse,
      aiResponse: expected.aiResponse,
      resolution: expected.resolution,
    });
    expect(got.escalations).toEqual(expected.escalations);
  });

  it('computes the agent and persona tables as perAgent() and perPersona() do', async () => {
    const { histories, ratings, tenantId, ids } = shared;
    const got = await getAnalytics(app.deps, { tenantId, range: RANGE, timeZone: 'UTC', now: NOW });
    const agents = perAgent(histories, NOW).map((a) => ({ ...a, name: a.userId === ids[ANA] ? 'Ana Agent' : 'Ben Agent' }));
    const byId = <T extends { userId?: string; aiAgentId?: string }>(rows: T[]) => [...rows].sort((a, b) => (a.userId ?? a.aiAgentId!).localeCompare(b.userId ?? b.aiAgentId!));
    expect(byId(got.agents)).toEqual(byId(agents));
    const personas = perPersona(histories, ratings, NOW).map((p) => ({ ...p, name: p.aiAgentId === ids[PERSONA] ? 'Nova' : 'Sol' }));
    expect(byId(got.personas)).toEqual(byId(personas));
  });

  it('charts a short range by the hour, quiet hours as zeros', async () => {
    const got = await getAnalytics(app.deps, { tenantId: shared.tenantId, range: RANGE, timeZone: 'UTC', now: NOW });
    expect(got.range.bucket).toBe('hour');
    const total = got.volume.reduce((s, v) => ({ c: s.c + v.conversations, i: s.i + v.inbound, a: s.a + v.aiReplies, h: s.h + v.humanReplies }), { c: 0, i: 0, a: 0, h: 0 });
    expect(total).toEqual({ c: 7, i: 11, a: 4, h: 5 });
    expect(got.volume.length).toBe(25);
  });

  it('buckets in the viewer’s zone: T0 (09:00 UTC) is 18:00 in Tokyo', async () => {
    const got = await getAnalytics(app.deps, { tenantId: shared.tenantId, range: RANGE, timeZone: 'Asia/Tokyo', now: NOW });
    const at18 = got.volume.find((v) => v.bucket === '2026-01-05T18:00');
    expect(at18).toMatchObject({ conversations: 7 });
    expect(got.volume.filter((v) => v.conversations > 0)).toHaveLength(1);
  });
});

describe('drill-downs list what the number counted', () => {
  const drill = (metric: Parameters<typeof drillDown>[1]['metric'], extra: Partial<Parameters<typeof drillDown>[1]> = {}) =>
    drillDown(app.deps, { tenantId: shared.tenantId, timeZone: 'UTC', range: RANGE, now: NOW, metric, limit: 50, ...extra });
  const names = (page: { items: Array<{ title: string }> }) => page.items.map((i) => i.title.replace('Contact ', '')).sort();

  it.each([
    ['ai_resolved', ['ai-alone']],
    ['taken_over', ['handed-back', 'taken-over']],
    ['handed_back', ['handed-back']],
    ['escalated', ['escalated', 'escalated-2']],
    ['resolved', ['ai-alone', 'handed-back', 'queue-only', 'taken-over']],
    ['open_queue', ['escalated-2', 'waiting']],
  ] as const)('%s', async (metric, expected) => {
    expect(names(await drill(metric))).toEqual([...expected].sort());
  });

  it('filters escalations by reason, an agent’s and a persona’s conversations, and carries the measured value', async () => {
    expect(names(await drill('escalated', { reason: 'ai failed' }))).toEqual(['escalated-2']);
    expect(names(await drill('agent_conversations', { userId: shared.ids[BEN] }))).toEqual(['escalated', 'queue-only']);
    expect(names(await drill('persona_conversations', { aiAgentId: shared.ids[OTHER_PERSONA] }))).toEqual(['handed-back']);
    const frt = await drill('human_first_response');
    expect(Object.fromEntries(frt.items.map((i) => [i.title.replace('Contact ', ''), i.valueMs! / 60_000]))).toEqual({
      'taken-over': 2, escalated: 12, 'queue-only': 5, 'handed-back': 1,
    });
  });

  it('pages with a cursor, without gaps or repeats', async () => {
    const first = await drill('conversations', { limit: 3 });
    const second = await drill('conversations', { limit: 3, cursor: first.nextCursor });
    const third = await drill('conversations', { limit: 3, cursor: second.nextCursor });
    const all = [...first.items, ...second.items, ...third.items].map((i) => i.id);
    expect(new Set(all).size).toBe(7);
    expect(third.nextCursor).toBeNull();
  });

  it('refuses a forged cursor as INVALID_INPUT', async () => {
    await expect(drill('conversations', { cursor: Buffer.from('{"at":"x","id":"1; drop"}').toString('base64url') })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});

describe('CSV export', () => {
  it('exports the agent table with a header and one line per agent', async () => {
    const { csv, filename } = await shared.sue.member.http.dashboard.exportCsv.query({ table: 'agents', range: RANGE, timeZone: 'UTC' });
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe('user_id,name,conversations,takeovers,takeover_rate_pct,first_response_median_s,replies');
    expect(lines).toHaveLength(3);
    expect(csv).toContain('Ana Agent');
    expect(filename).toMatch(/^agents_\d{4}-\d\d-\d\d_\d{4}-\d\d-\d\d\.csv$/);
  });

  it('exports a drill-down list', async () => {
    const { csv } = await shared.sue.member.http.dashboard.exportCsv.query({ table: 'drill', range: RANGE, timeZone: 'UTC', drill: { metric: 'escalated' } });
    expect(csv.trim().split('\n')).toHaveLength(3);
  });
});

/** Every dashboard procedure, called by `user`. */
const calls: Record<string, (user: ApiUser, w: World) => Promise<unknown>> = {
  'dashboard.analytics': (u) => u.http.dashboard.analytics.query({ range: RANGE, timeZone: 'UTC' }),
  'dashboard.drill': (u) => u.http.dashboard.drill.query({ metric: 'conversations', range: RANGE, timeZone: 'UTC' }),
  'dashboard.exportCsv': (u) => u.http.dashboard.exportCsv.query({ table: 'volume', range: RANGE, timeZone: 'UTC' }),
};

describe('roles', () => {
  it('covers every dashboard query and mutation (dashboard.live is refused in dashboard-live.test.ts)', () => {
    const procedures = Object.keys(appRouter._def.procedures).filter((p) => p.startsWith('dashboard.'));
    expect(procedures.sort()).toEqual([...Object.keys(calls), 'dashboard.live'].sort());
  });

  it.each(Object.keys(calls))('%s is FORBIDDEN to an agent and open to supervisors and admins', async (name) => {
    const call = calls[name]!;
    expect(await refusalOf(call(shared.ana.member, shared))).toMatchObject({ code: 'FORBIDDEN' });
    await expect(call(shared.sue.member, shared)).resolves.toBeDefined();
    await expect(call(shared.admin, shared)).resolves.toBeDefined();
  });
});

describe('tenancy', () => {
  it('never counts another workspace’s conversations', async () => {
    const other = await createWorkspace(app.url, 'Other');
    const got = await other.admin.http.dashboard.analytics.query({ range: RANGE, timeZone: 'UTC' });
    expect(got.summary.conversations).toBe(0);
    expect(got.agents).toEqual([]);
    expect(got.personas).toEqual([]);
    expect((await other.admin.http.dashboard.drill.query({ metric: 'conversations', range: RANGE, timeZone: 'UTC' })).items).toEqual([]);
  });

  const idDrills: Record<string, (caller: ApiUser, id: string) => Promise<unknown>> = {
    'dashboard.drill userId (agent_conversations)': (c, id) => c.http.dashboard.drill.query({ metric: 'agent_conversations', userId: id, range: RANGE, timeZone: 'UTC' }),
    'dashboard.drill userId (agent_open)': (c, id) => c.http.dashboard.drill.query({ metric: 'agent_open', userId: id, timeZone: 'UTC' }),
    'dashboard.drill aiAgentId': (c, id) => c.http.dashboard.drill.query({ metric: 'persona_conversations', aiAgentId: id, range: RANGE, timeZone: 'UTC' }),
    'dashboard.exportCsv drill.userId': (c, id) => c.http.dashboard.exportCsv.query({ table: 'drill', range: RANGE, timeZone: 'UTC', drill: { metric: 'agent_conversations', userId: id } }),
  };

  it('covers every dashboard input that carries an id', () => {
    const ZDrill = (appRouter._def.procedures as unknown as Record<string, { _def: { inputs: z.ZodObject[] } }>)['dashboard.drill']!._def.inputs[0]!;
    expect(Object.keys(ZDrill.shape).filter((k) => /Id$/.test(k)).sort()).toEqual(['aiAgentId', 'userId']);
  });

  it.each(Object.keys(idDrills))('%s of another workspace is NOT_FOUND, like an unknown id', async (name) => {
    const other = await createWorkspace(app.url, 'Other');
    const foreignId = name.includes('aiAgentId') ? shared.nova.id : shared.ana.me.user.id;
    const foreign = await refusalOf(idDrills[name]!(other.admin, foreignId));
    const unknown = await refusalOf(idDrills[name]!(other.admin, randomUUID()));
    expect(foreign).toMatchObject({ code: 'NOT_FOUND' });
    expect(foreign).toEqual(unknown);
  });
});
