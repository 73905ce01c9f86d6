/**
 * The live operations panel moves by push: a supervisor subscribes once, and an inbound message,
 * a takeover, an agent connecting or going away change the numbers with no refetch. Presence
 * works across two nodes sharing Redis.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { inboundTextPayload, postSigned } from '../../server/dev/cloud-webhook-builder.ts';
import { startFakeGraph, type FakeGraph } from '../../server/dev/fake-graph-server.ts';
import { startFakeOpenAi, type FakeOpenAi } from '../../server/dev/fake-openai-server.ts';
import { ApiUser } from '../support/api-client.ts';
import { createPersona } from '../support/ai.ts';
import { watchLiveDashboard } from '../support/dashboard.ts';
import { addMember, createWorkspace, watchEvents } from '../support/factories.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { connectCloudChannel, randomPhone } from '../support/whatsapp.ts';

let nodeA: TestApp;
let nodeB: TestApp;
let graph: FakeGraph;
let openai: FakeOpenAi;
beforeAll(async () => {
  [graph, openai] = await Promise.all([startFakeGraph(), startFakeOpenAi()]);
  // Two nodes of one deployment: same database, same Redis prefix.
  const shared = { redis: true, redisPrefix: `${inject('redisPrefix')}-dash-${randomUUID().slice(0, 6)}`, env: { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: openai.url } };
  [nodeA, nodeB] = await Promise.all([startTestApp(shared), startTestApp(shared)]);
});
afterAll(async () => {
  await Promise.all([nodeA?.stop(), nodeB?.stop(), graph?.stop(), openai?.stop()]);
});

const workspace = async (opts: { ai: boolean }) => {
  const { admin, tenantId, me } = await createWorkspace(nodeA.url);
  const sue = await addMember(nodeA.url, admin, 'SUPERVISOR', 'Sue Supervisor');
  const ana = await addMember(nodeA.url, admin, 'AGENT', 'Ana Agent');
  const { target } = await connectCloudChannel(admin, { appUrl: nodeA.url, graphUrl: graph.url });
  if (opts.ai) await createPersona(admin);
  const write = (body: string, from = randomPhone()) => postSigned(target, inboundTextPayload(target, [{ from, name: 'Cleo', body }]));
  return { admin, adminId: me.user.id, tenantId, sue, ana, write };
};

describe('dashboard.live', () => {
  it('pushes a new snapshot when a customer writes and when an agent takes over, without any refetch', async () => {
    const { sue, ana, write } = await workspace({ ai: false });
    const live = watchLiveDashboard(sue.member);
    const first = await live.until(() => true);
    expect(first.conversations).toEqual({ AI: 0, QUEUE: 0, HUMAN: 0 });
    expect(first.queue).toEqual({ length: 0, oldestWaitingSince: null });
    expect(first.today.inbound).toBe(0);

    expect(await write('Hello, anyone there?')).toBe(200);
    const queued = await live.until((s) => s.queue.length === 1, 'queue after an inbound message');
    expect(queued.conversations).toEqual({ AI: 0, QUEUE: 1, HUMAN: 0 });
    expect(queued.today).toMatchObject({ newConversations: 1, inbound: 1 });
    expect(Date.parse(queued.queue.oldestWaitingSince!)).toBeLessThanOrEqual(Date.parse(queued.at));

    const [conversation] = (await ana.member.http.conversation.list.query({})).items;
    await ana.member.http.conversation.takeOver.mutate({ conversationId: conversation!.id });
    const taken = await live.until((s) => s.conversations.HUMAN === 1, 'owner counts after a takeover');
    expect(taken.queue).toEqual({ length: 0, oldestWaitingSince: null });
    expect(taken.agents.find((a) => a.userId === ana.me.user.id)?.openConversations).toBe(1);
  });

  it('counts a takeover from the AI in today’s figures', async () => {
    const { sue, ana, write } = await workspace({ ai: true });
    const live = watchLiveDashboard(sue.member);
    await write('What are your opening hours?');
    await live.until((s) => s.conversations.AI === 1, 'AI-owned conversation');
    const [conversation] = (await ana.member.http.conversation.list.query({})).items;
    await ana.member.http.conversation.takeOver.mutate({ conversationId: conversation!.id });
    const after = await live.until((s) => s.today.takeovers === 1, 'takeover counted');
    expect(after.conversations).toMatchObject({ AI: 0, HUMAN: 1 });
  });

  it('shows an agent online while their socket is open on another node, away when their tab says so, offline when it closes', async () => {
    const { sue, ana } = await workspace({ ai: false });
    const live = watchLiveDashboard(sue.member);
    const anaStatus = (s: { agents: Array<{ userId: string; status: string }> }) => s.agents.find((a) => a.userId === ana.me.user.id)?.status;
    await live.until((s) => anaStatus(s) === 'offline', 'Ana offline before she connects');

    // Ana's browser connects to node B; Sue watches on node A.
    const anaOnB = new ApiUser(nodeB.url);
    anaOnB.cookie = ana.member.cookie;
    const stream = watchEvents(anaOnB);
    await live.until((s) => anaStatus(s) === 'online', 'Ana online');

    await anaOnB.http.presence.away.mutate({ away: true });
    await live.until((s) => anaStatus(s) === 'away', 'Ana away');
    await anaOnB.http.presence.away.mutate({ away: false });
    await live.until((s) => anaStatus(s) === 'online', 'Ana back');

    await stream.stop();
    await live.until((s) => anaStatus(s) === 'offline', 'Ana offline after her socket closed');
  });

  it('never carries another workspace’s numbers', async () => {
    const a = await workspace({ ai: false });
    const b = await workspace({ ai: false });
    const pushed = watchLiveDashboard(b.sue.member);
    await pushed.until(() => true);
    await Promise.all([a.write('For A only'), a.write('For A again'), b.write('For B')]);
    await pushed.until((s) => s.today.inbound >= 1, 'B’s message');
    // A fresh computation (a zone no hub serves yet) once every write is durable: exactly B's.
    const fresh = await watchLiveDashboard(b.sue.member, 'Pacific/Auckland').until(() => true);
    expect(fresh.today).toMatchObject({ inbound: 1, newConversations: 1 });
    expect(fresh.queue.length).toBe(1);
    expect(fresh.agents.map((x) => x.userId).sort()).toEqual([b.adminId, b.sue.me.user.id, b.ana.me.user.id].sort());
    expect(pushed.snapshots.every((s) => s.today.inbound <= 1)).toBe(true);
  });

  it('refuses agents', async () => {
    const { ana } = await workspace({ ai: false });
    const refused = await watchLiveDashboard(ana.member).error();
    expect(refused).toMatchObject({ data: { code: 'FORBIDDEN' } });
  });
});
