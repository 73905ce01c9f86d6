/**
 * The analytics rows (ConversationStats): written by the stats job after the events that change a
 * conversation, equal to the pure formulas over the conversation's source rows, idempotent under
 * repeats and races, refilled by the reconciler when missing or stale, and never mixed across
 * workspaces.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summarize } from '../../src/domain/metrics/aggregate.ts';
import { inboundTextPayload, postSigned } from '../../server/dev/cloud-webhook-builder.ts';
import { startFakeGraph, type FakeGraph } from '../../server/dev/fake-graph-server.ts';
import { getAnalytics } from '../../server/dashboard/analytics/get-analytics.ts';
import { loadHistories } from '../../server/dashboard/stats/load-histories.ts';
import { reconcileConversationStats } from '../../server/dashboard/stats/reconcile-stats.ts';
import { CONVERSATION_STATS_JOB } from '../../server/dashboard/stats/stats.job.ts';
import { writeConversationStats } from '../../server/dashboard/stats/write-stats.ts';
import { ceilBucket, floorBucket, reconcileVolume } from '../../server/dashboard/stats/volume-rollup.ts';
import { addMember, createWorkspace } from '../support/factories.ts';
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

/** A workspace whose customer wrote once and whose agent took the conversation: all through the real webhook and API. */
const liveConversation = async () => {
  const { admin, tenantId } = await createWorkspace(app.url);
  const ana = await addMember(app.url, admin, 'AGENT', 'Ana Agent');
  const { target } = await connectCloudChannel(admin, { appUrl: app.url, graphUrl: graph.url });
  expect(await postSigned(target, inboundTextPayload(target, [{ from: randomPhone(), name: 'Cleo', body: 'Hello?' }]))).toBe(200);
  const [conversation] = (await ana.member.http.conversation.list.query({})).items;
  return { admin, ana, tenantId, conversationId: conversation!.id };
};

const statsRow = (conversationId: string) => app.deps.db.conversationStats.findUnique({ where: { conversationId } });
const withoutReadTime = <T extends { computedAt: Date } | null>(row: T) => (row ? { ...row, computedAt: undefined } : row);

describe('the stats job follows the events', () => {
  it('writes the row after an inbound message and rewrites it after a takeover, matching the pure formulas', async () => {
    const { ana, tenantId, conversationId } = await liveConversation();
    await app.deps.queue.whenIdle();
    expect(await statsRow(conversationId)).toMatchObject({ tenantId, initialOwner: 'QUEUE', currentOwner: 'QUEUE', everHuman: false, humanOwnerIds: [] });

    await ana.member.http.conversation.takeOver.mutate({ conversationId });
    await app.deps.queue.whenIdle();
    expect(await statsRow(conversationId)).toMatchObject({ currentOwner: 'HUMAN', everHuman: true, humanOwnerIds: [ana.me.user.id], takenOver: false });

    const now = Date.now();
    const range = { preset: 'custom' as const, from: new Date(now - 3_600_000).toISOString(), to: new Date(now + 60_000).toISOString() };
    const histories = (await loadHistories(app.deps.db, tenantId, [conversationId])).map((l) => l.history);
    const expected = summarize(histories, now);
    const got = await getAnalytics(app.deps, { tenantId, range, timeZone: 'UTC', now });
    expect(got.summary).toMatchObject({ conversations: 1, everHuman: 1, queueMs: expected.queueMs, humanMs: expected.humanMs, botMs: expected.botMs });
  });

  it('counts an inbound message in the volume rollup', async () => {
    const { tenantId } = await liveConversation();
    await app.deps.queue.whenIdle();
    // A range on the 15-minute grid: every count comes from the rollup, none from the source rows.
    const now = Date.now();
    const range = { preset: 'custom' as const, from: new Date(floorBucket(now) - 3_600_000).toISOString(), to: new Date(ceilBucket(now + 1)).toISOString() };
    const rolled = await app.deps.db.activityVolume.aggregate({ where: { tenantId }, _sum: { inbound: true, conversations: true } });
    expect(rolled._sum).toEqual({ inbound: 1, conversations: 1 });
    const got = await getAnalytics(app.deps, { tenantId, range, timeZone: 'UTC', now });
    expect(got.volume.reduce((n, v) => n + v.inbound, 0)).toBe(1);
  });
});

describe('idempotence', () => {
  it('writes the same row however often, and in whatever races, the refresh runs', async () => {
    const { tenantId, conversationId } = await liveConversation();
    await app.deps.queue.whenIdle();
    const once = withoutReadTime(await statsRow(conversationId));
    // The job again, twice with one id (one run) and raced with a direct write.
    await Promise.all([
      app.deps.queue.enqueue(CONVERSATION_STATS_JOB, { tenantId, conversationId }, { jobId: `${conversationId}.again` }),
      app.deps.queue.enqueue(CONVERSATION_STATS_JOB, { tenantId, conversationId }, { jobId: `${conversationId}.again` }),
      writeConversationStats(app.deps.db, tenantId, [conversationId]),
      writeConversationStats(app.deps.db, tenantId, [conversationId]),
    ]);
    await app.deps.queue.whenIdle();
    expect(withoutReadTime(await statsRow(conversationId))).toEqual(once);
    expect(await app.deps.db.conversationStats.count({ where: { conversationId } })).toBe(1);
  });
});

describe('the reconciler', () => {
  it('fills a missing row and refreshes one older than its conversation', async () => {
    const { tenantId, conversationId } = await liveConversation();
    await app.deps.queue.whenIdle();
    const before = withoutReadTime(await statsRow(conversationId));
    await app.deps.db.conversationStats.delete({ where: { conversationId } });

    expect(await reconcileConversationStats(app.deps.db, { tenantId })).toBe(1);
    expect(withoutReadTime(await statsRow(conversationId))).toEqual(before);

    // A change that published no event (as after a crash before publishing): the row is stale.
    const resolvedAt = new Date();
    await app.deps.db.conversation.update({ where: { id: conversationId }, data: { status: 'RESOLVED', resolvedAt } });
    expect(await reconcileConversationStats(app.deps.db, { tenantId })).toBe(1);
    expect(await statsRow(conversationId)).toMatchObject({ resolvedAt, resolutionMs: resolvedAt.getTime() - before!.createdAt.getTime() });
    // Nothing left to do: a second pass writes nothing.
    expect(await reconcileConversationStats(app.deps.db, { tenantId })).toBe(0);
  });

  it('recounts a tenant’s volume buckets when it has none', async () => {
    const { tenantId } = await liveConversation();
    await app.deps.queue.whenIdle();
    const before = await app.deps.db.activityVolume.findMany({ where: { tenantId } });
    await app.deps.db.activityVolume.deleteMany({ where: { tenantId } });
    expect(await reconcileVolume(app.deps.db, { tenantId })).toBe(1);
    expect(await app.deps.db.activityVolume.findMany({ where: { tenantId } })).toEqual(before);
  });
});

describe('tenancy', () => {
  it('never writes a conversation under another workspace, nor counts it there', async () => {
    const a = await liveConversation();
    const b = await liveConversation();
    await app.deps.queue.whenIdle();
    const rowOfA = withoutReadTime(await statsRow(a.conversationId));
    // Asked with the wrong workspace, the refresh loads nothing and writes nothing.
    expect(await writeConversationStats(app.deps.db, b.tenantId, [a.conversationId])).toBe(0);
    await app.deps.queue.enqueue(CONVERSATION_STATS_JOB, { tenantId: b.tenantId, conversationId: a.conversationId }, { jobId: `${a.conversationId}.foreign` });
    await app.deps.queue.whenIdle();
    expect(withoutReadTime(await statsRow(a.conversationId))).toEqual({ ...rowOfA, tenantId: a.tenantId });

    const range = { preset: '24h' as const };
    const [gotA, gotB] = await Promise.all([a, b].map((w) => w.admin.http.dashboard.analytics.query({ range, timeZone: 'UTC' })));
    expect([gotA!.summary.conversations, gotB!.summary.conversations]).toEqual([1, 1]);
    const drillB = await b.admin.http.dashboard.drill.query({ metric: 'conversations', range, timeZone: 'UTC' });
    expect(drillB.items.map((i) => i.id)).toEqual([b.conversationId]);
  });
});
