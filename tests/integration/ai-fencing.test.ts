/**
 * The property the product stands on: once a takeover commits, the AI is silent. Races real
 * inbound webhooks, slow streaming completions and takeovers at random moments, on real
 * Postgres and Redis (bus and BullMQ), then checks the event log, whose order is commit order.
 */
import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TenantEvent } from '../../src/contracts/events.ts';
import { inboundTextPayload, postSigned } from '../../server/dev/cloud-webhook-builder.ts';
import { startFakeGraph, type FakeGraph } from '../../server/dev/fake-graph-server.ts';
import { startFakeOpenAi, type FakeOpenAi } from '../../server/dev/fake-openai-server.ts';
import { readEvents } from '../../server/realtime/event-log.ts';
import { createPersona } from '../support/ai.ts';
import { addMember, createWorkspace, watchEvents } from '../support/factories.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { connectCloudChannel, randomPhone } from '../support/whatsapp.ts';

let app: TestApp;
let graph: FakeGraph;
let openai: FakeOpenAi;
beforeAll(async () => {
  [graph, openai] = await Promise.all([startFakeGraph(), startFakeOpenAi()]);
  app = await startTestApp({ redis: true, env: { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: openai.url, AI_DEBOUNCE_MS: '5' } });
});
afterAll(async () => {
  await Promise.all([app.stop(), graph.stop(), openai.stop()]);
});

const ITERATIONS = 200;
const CONCURRENCY = 8;
const jitter = (maxMs: number) => new Promise((resolve) => setTimeout(resolve, randomInt(0, maxMs + 1)));

it('never writes or sends an AI message after a takeover commits', async () => {
  const { admin, tenantId } = await createWorkspace(app.url);
  const { target } = await connectCloudChannel(admin, { appUrl: app.url, graphUrl: graph.url });
  await createPersona(admin);
  const { member: agent } = await addMember(app.url, admin, 'AGENT', 'Racer');
  // A generous deadline: on a loaded CI machine an AI turn under 8-way racing can take seconds.
  const live = watchEvents(admin, '0', { waitMs: 60_000 });
  openai.setFallback(() => ({ kind: 'text', text: `AI reply ${randomInt(1e9)} with several words to stream slowly`, chunkDelayMs: randomInt(0, 8) }));

  const conversations: string[] = [];
  let escalations = 0;
  const race = async () => {
    const from = randomPhone();
    await postSigned(target, inboundTextPayload(target, [{ from, name: 'Racer customer', body: 'Hello there' }]));
    const burst = randomInt(0, 3);
    const extra = Array.from({ length: burst }, async (_, i) => {
      await jitter(40);
      await postSigned(target, inboundTextPayload(target, [{ from, name: 'Racer customer', body: `and another thing ${i}` }]));
    });
    const conversation = await app.deps.db.conversation.findFirstOrThrow({ where: { tenantId, contact: { phone: from } } });
    conversations.push(conversation.id);
    // Most takeovers land at a random moment of the AI's work; some only after its reply went
    // out, so both sides of the race are always exercised, however loaded the machine is.
    if (randomInt(0, 4) === 0) await live.next((e) => e.type === 'message.updated' && e.payload.message.conversationId === conversation.id && e.payload.message.status === 'SENT');
    else await jitter(120);
    // If the AI escalated at that very moment, the takeover loses its compare-and-set and is
    // told so (CONFLICT); an agent clicks again, and so does the test.
    await agent.http.conversation.takeOver.mutate({ conversationId: conversation.id }).catch(async (err: { data?: { code?: string } }) => {
      if (err.data?.code !== 'CONFLICT') throw err;
      escalations++;
      await agent.http.conversation.takeOver.mutate({ conversationId: conversation.id });
    });
    await Promise.all(extra);
  };
  for (let started = 0; started < ITERATIONS; started += CONCURRENCY) {
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, ITERATIONS - started) }, race));
  }
  await app.deps.queue.whenIdle();

  const events: TenantEvent[] = await readEvents(app.deps.db, tenantId, { afterSeq: 0, limit: 1_000_000 });
  const takeoverSeq = new Map<string, number>();
  for (const e of events) {
    if (e.type === 'conversation.owner_changed' && e.payload.change.to === 'HUMAN') takeoverSeq.set(e.payload.conversation.id, e.seq);
  }
  expect(takeoverSeq.size).toBe(ITERATIONS);
  const reasons = await app.deps.db.ownershipChange.findMany({ where: { tenantId, toOwner: 'QUEUE' }, select: { reason: true } });
  expect(reasons.map((r) => r.reason)).toHaveLength(escalations);

  const aiWrites = events.flatMap((e) =>
    e.type === 'message.created' && e.payload.message.aiAgentId ? [{ seq: e.seq, conversationId: e.payload.message.conversationId, id: e.payload.message.id }] : [],
  );
  const firstClaim = new Map<string, number>();
  for (const e of events) {
    if (e.type === 'message.updated' && e.payload.message.aiAgentId && e.payload.message.claimedAt && !firstClaim.has(e.payload.message.id)) {
      firstClaim.set(e.payload.message.id, e.seq);
    }
  }
  for (const write of aiWrites) expect(write.seq).toBeLessThan(takeoverSeq.get(write.conversationId)!);
  const sentAi = await app.deps.db.message.findMany({ where: { tenantId, aiAgentId: { not: null }, providerMessageId: { not: null } } });
  for (const message of sentAi) {
    expect(firstClaim.get(message.id), 'an AI message reached the provider without a claim').toBeDefined();
    expect(firstClaim.get(message.id)!).toBeLessThan(takeoverSeq.get(message.conversationId)!);
  }
  const sentBodies = new Set(graph.sends.map((s) => (s.body.text as { body?: string } | undefined)?.body));
  for (const message of sentAi) expect(sentBodies.has(message.body)).toBe(true);

  // The race really raced: some replies got out before their takeover, others were cut off.
  const cutOff = await app.deps.db.aiDraft.count({ where: { tenantId, origin: 'cancelled_reply' } });
  expect(sentAi.length).toBeGreaterThan(0);
  expect(cutOff + (ITERATIONS - new Set(aiWrites.map((w) => w.conversationId)).size)).toBeGreaterThan(0);
  expect(conversations).toHaveLength(ITERATIONS);
  await live.stop();
}, 240_000);
