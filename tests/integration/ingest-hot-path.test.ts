import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { TenantEvent } from '../../src/contracts/events.ts';
import { ingestChannelBatch } from '../../server/channels/ingest.ts';
import { storeInboundHotWithEvent, type HotInbound } from '../../server/channels/ingest-sql.ts';
import type { InboundMessage } from '../../server/channels/inbound.ts';
import { newWamid } from '../../server/dev/cloud-webhook-builder.ts';
import { startFakeGraph, type FakeGraph } from '../../server/dev/fake-graph-server.ts';
import { readEvents, readHeadSeq } from '../../server/realtime/event-log.ts';
import { Collector } from '../support/events.ts';
import { createWorkspace } from '../support/factories.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { connectCloudChannel, randomPhone } from '../support/whatsapp.ts';

/**
 * The hot path: a message to an existing conversation is stored and its event appended by one
 * autocommit statement. These pin what that statement must keep from the transactional path.
 */
let app: TestApp;
let graph: FakeGraph;
beforeAll(async () => {
  [app, graph] = await Promise.all([startTestApp({ redis: true }), startFakeGraph()]);
});
afterAll(async () => {
  await Promise.all([app.stop(), graph.stop()]);
});

const inbound = (from: string, name: string, body: string, more: Partial<InboundMessage> = {}): InboundMessage => ({
  providerMessageId: newWamid(),
  from,
  profileName: name,
  waId: from.replace(/^\+/, ''),
  timestamp: new Date(),
  type: 'text',
  body,
  content: null,
  replyToProviderId: null,
  ...more,
});

/** A workspace with a channel and `contacts` conversations (each opened by a first message, on the full path). */
const setup = async (contacts = 1) => {
  const { admin, tenantId } = await createWorkspace(app.url);
  const { channel } = await connectCloudChannel(admin, { appUrl: app.url, graphUrl: graph.url });
  const ingest = (m: InboundMessage) => ingestChannelBatch(app.deps, { tenantId, channelId: channel.id, messages: [m], statuses: [] });
  const senders = Array.from({ length: contacts }, (_, i) => ({ from: randomPhone(), name: `Sender ${i}` }));
  for (const s of senders) expect((await ingest(inbound(s.from, s.name, 'opening'))).created).toBe(1);
  const conversations = await app.deps.db.conversation.findMany({ where: { tenantId }, include: { contact: true } });
  const conversationOf = (from: string) => conversations.find((c) => c.contact.phone === from)!;
  const published = new Collector<TenantEvent[]>();
  const unsubscribe = await app.deps.bus.subscribe(tenantId, (events) => published.push(events));
  return { admin, tenantId, channelId: channel.id, ingest, senders, conversationOf, published, unsubscribe };
};

/** A connection of its own, to hold row locks the way a concurrent writer would. */
const lockHolder = async () => {
  const client = new pg.Client({ connectionString: inject('databaseUrl') });
  await client.connect();
  const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  return { client, pid: rows[0]!.pid };
};

/** The statements waiting on `holderPid`'s locks, once there is one. */
const blockedBy = async (holderPid: number) => {
  for (let i = 0; i < 200; i++) {
    const rows = await app.deps.db.$queryRaw<Array<{ query: string }>>`
      SELECT query FROM pg_stat_activity WHERE ${holderPid}::int = ANY (pg_blocking_pids(pid))`;
    if (rows.length > 0) return rows;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('nothing became blocked');
};

/** The hot statement's input for a text message, and its event as ingest builds it. */
const hotInput = (tenantId: string, channelId: string, from: string, profileName: string): HotInbound => ({
  tenantId,
  channelId,
  phone: from,
  profileName,
  waId: null,
  message: { id: randomUUID(), type: 'text', body: 'x', content: null, providerMessageId: newWamid(), replyToProviderId: null, at: new Date() },
  preview: 'x',
});
const hotEvent = (h: HotInbound) => ({
  createdAt: new Date().toISOString(),
  message: { id: h.message.id, direction: 'INBOUND', type: 'text', body: 'x', content: null, status: 'RECEIVED', errorCode: null, errorTitle: null, sender: null, aiAgentId: null, isNote: false, claimedAt: null, replyToProviderId: null, providerMessageId: h.message.providerMessageId, createdAt: h.message.at.toISOString(), sentAt: null, deliveredAt: null, readAt: null } as const,
});
const hotStore = (h: HotInbound) => storeInboundHotWithEvent(app.deps.db, h, hotEvent(h));

const messagesWith = (tenantId: string, providerMessageId: string) => app.deps.db.message.count({ where: { tenantId, providerMessageId } });

describe('inbound hot path (one autocommit statement)', () => {
  it('stores the message and appends its event in one statement; nothing shows until it commits', async () => {
    const { tenantId, ingest, senders, conversationOf, unsubscribe } = await setup();
    const holder = await lockHolder();
    try {
      await holder.client.query('BEGIN');
      await holder.client.query('SELECT 1 FROM "EventCounter" WHERE "tenantId" = $1 FOR UPDATE', [tenantId]);
      const m = inbound(senders[0]!.from, senders[0]!.name, 'while the counter is taken');
      const running = ingest(m);
      const [blocked] = await blockedBy(holder.pid);
      // Only the counter is held: the statement that stores the message is the one waiting to append its event.
      expect(blocked!.query).toMatch(/^\s*WITH dup AS/);
      expect(await messagesWith(tenantId, m.providerMessageId)).toBe(0);
      await holder.client.query('COMMIT');
      expect(await running).toMatchObject({ created: 1, duplicates: 0 });
      expect(await messagesWith(tenantId, m.providerMessageId)).toBe(1);
      expect((await app.deps.db.conversation.findUniqueOrThrow({ where: { id: conversationOf(senders[0]!.from).id } })).unreadCount).toBe(2);
    } finally {
      await holder.client.end();
      unsubscribe();
    }
  });

  it('publishes exactly the events it stored, whose message and conversation are what the API reads back', async () => {
    const { admin, tenantId, ingest, senders, conversationOf, published, unsubscribe } = await setup();
    const { from, name } = senders[0]!;
    const at = new Date();
    const before = await readHeadSeq(app.deps.db, tenantId);
    await ingest(inbound(from, name, 'plain text', { timestamp: at }));
    const media = { kind: 'media' as const, mediaId: 'm-1', mimeType: 'image/jpeg', caption: 'a "quoted" caption – ünïcode', filename: null };
    await ingest(inbound(from, name, 'a "quoted" caption – ünïcode', { type: 'image', content: media, timestamp: new Date(at.getTime() - 60_000) }));
    await ingest(inbound(from, name, 'a location', { type: 'location', content: { kind: 'location', latitude: 38.7223, longitude: -9.1393, name: null, address: null } }));
    await published.until((p) => p.flat().length === 3);
    unsubscribe();
    const live = published.items.flat();
    const stored = await readEvents(app.deps.db, tenantId, { afterSeq: before, limit: 100 });
    expect(stored.map((e) => e.seq)).toEqual([before + 1, before + 2, before + 3]);
    // The bus carries JSON: compare as it arrives at a subscriber.
    expect(JSON.parse(JSON.stringify(live))).toEqual(stored);
    const { items } = await admin.http.conversation.messages.query({ conversationId: conversationOf(from).id });
    const created = stored.flatMap((e) => (e.type === 'message.created' ? [e.payload] : []));
    expect(created.map((c) => c.message)).toEqual(
      ['plain text', 'a "quoted" caption – ünïcode', 'a location'].map((body) => items.find((m) => m.body === body)),
    );
    // The late (older) message did not move the inbox row; the last event's conversation is the row as it stands.
    const [row] = (await admin.http.conversation.list.query({})).items;
    expect(created.at(-1)!.conversation).toEqual(row);
    expect(created[1]!.conversation).toMatchObject({ lastMessagePreview: 'plain text', unreadCount: 3 });
  });

  it('writes and publishes nothing for a duplicate, also when twins arrive at the same moment', async () => {
    const { tenantId, ingest, senders, conversationOf, published, unsubscribe } = await setup();
    const m = inbound(senders[0]!.from, senders[0]!.name, 'twin');
    const head = await readHeadSeq(app.deps.db, tenantId);
    const outcomes = await Promise.all(Array.from({ length: 8 }, () => ingest(m)));
    expect(outcomes.map((o) => o.created).sort()).toEqual([0, 0, 0, 0, 0, 0, 0, 1]);
    expect(outcomes.filter((o) => o.duplicates === 1)).toHaveLength(7);
    expect(await ingest(m)).toMatchObject({ created: 0, duplicates: 1 });
    expect(await readHeadSeq(app.deps.db, tenantId)).toBe(head + 1);
    expect(await messagesWith(tenantId, m.providerMessageId)).toBe(1);
    expect((await app.deps.db.conversation.findUniqueOrThrow({ where: { id: conversationOf(m.from).id } })).unreadCount).toBe(2);
    // One publish in all: a later message's event is the only other one to arrive.
    await ingest(inbound(m.from, senders[0]!.name, 'after'));
    await published.until((p) => p.flat().length >= 2);
    unsubscribe();
    expect(published.items.flat().map((e) => e.seq)).toEqual([head + 1, head + 2]);
  });

  it('writes nothing in the hot attempt when the message needs the full path (new contact, new name)', async () => {
    const { tenantId, channelId, senders, conversationOf, unsubscribe } = await setup();
    unsubscribe();
    const head = await readHeadSeq(app.deps.db, tenantId);
    const stranger = hotInput(tenantId, channelId, randomPhone(), 'Stranger');
    expect(await hotStore(stranger)).toMatchObject({ kind: 'full-path', contact: null, seq: null });
    const renamed = hotInput(tenantId, channelId, senders[0]!.from, 'A new name');
    expect(await hotStore(renamed)).toMatchObject({ kind: 'full-path', contact: { name: senders[0]!.name }, seq: null });
    expect(await readHeadSeq(app.deps.db, tenantId)).toBe(head);
    expect(await app.deps.db.message.count({ where: { tenantId, providerMessageId: { in: [stranger.message.providerMessageId, renamed.message.providerMessageId] } } })).toBe(0);
    expect((await app.deps.db.conversation.findUniqueOrThrow({ where: { id: conversationOf(senders[0]!.from).id } })).unreadCount).toBe(1);
  });

  it('leaves nothing half-written when the statement fails: no message is stored without its event', async () => {
    const { tenantId, ingest, senders, conversationOf, unsubscribe } = await setup();
    unsubscribe();
    const eventsBefore = await app.deps.db.event.count({ where: { tenantId } });
    await app.deps.db.eventCounter.delete({ where: { tenantId } });
    const m = inbound(senders[0]!.from, senders[0]!.name, 'no counter');
    await expect(ingest(m)).rejects.toThrow();
    expect(await messagesWith(tenantId, m.providerMessageId)).toBe(0);
    expect(await app.deps.db.event.count({ where: { tenantId } })).toBe(eventsBefore);
    expect((await app.deps.db.conversation.findUniqueOrThrow({ where: { id: conversationOf(m.from).id } })).unreadCount).toBe(1);
  });

  // Ingest runs a workspace's statements as groups (one group at a time); this is about the statement itself.
  it('bumps the counter last: a statement waiting on a conversation or an AI draft row holds up no other writer of the workspace', async () => {
    const { tenantId, channelId, senders, conversationOf, unsubscribe } = await setup(2);
    unsubscribe();
    const [x, y] = senders as [(typeof senders)[0], (typeof senders)[0]];
    const xConversation = conversationOf(x.from);
    let draftId = '';
    for (const lock of [
      { table: 'Conversation', id: async () => xConversation.id },
      // A ready suggestion of X's conversation, which X's message makes stale (made now: the first round's message staled none yet).
      { table: 'AiDraft', id: async () => (draftId = (await app.deps.db.aiDraft.create({ data: { tenantId, conversationId: xConversation.id, body: 'suggestion', origin: 'suggestion' } })).id) },
    ]) {
      const holder = await lockHolder();
      try {
        await holder.client.query('BEGIN');
        await holder.client.query(`SELECT 1 FROM "${lock.table}" WHERE id = $1 FOR UPDATE`, [await lock.id()]);
        const waiting = hotStore(hotInput(tenantId, channelId, x.from, x.name));
        await blockedBy(holder.pid);
        // Y's message commits while X's statement waits: X has not taken the counter yet.
        expect(await hotStore(hotInput(tenantId, channelId, y.from, y.name))).toMatchObject({ kind: 'stored' });
        await holder.client.query('COMMIT');
        expect(await waiting).toMatchObject({ kind: 'stored' });
      } finally {
        await holder.client.end();
      }
    }
    expect((await app.deps.db.aiDraft.findUniqueOrThrow({ where: { id: draftId } })).status).toBe('STALE');
    const events = await readEvents(app.deps.db, tenantId, { afterSeq: 0, limit: 100 });
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
  });

  it('publishes the deliveries that arrived while a group was running together: one bus message, in seq order', async () => {
    const { ingest, senders, conversationOf, published, unsubscribe } = await setup(3);
    const holder = await lockHolder();
    try {
      await holder.client.query('BEGIN');
      await holder.client.query('SELECT 1 FROM "Conversation" WHERE id = $1 FOR UPDATE', [conversationOf(senders[0]!.from).id]);
      const first = ingest(inbound(senders[0]!.from, senders[0]!.name, 'held'));
      await blockedBy(holder.pid);
      const queued = [1, 2, 1, 2].map((i, n) => ingest(inbound(senders[i]!.from, senders[i]!.name, `queued ${n}`)));
      await holder.client.query('COMMIT');
      expect(await first).toMatchObject({ created: 1 });
      expect((await Promise.all(queued)).map((o) => o.created)).toEqual([1, 1, 1, 1]);
      await published.until((p) => p.flat().length === 5);
      const [single, group] = published.items as [TenantEvent[], TenantEvent[]];
      expect(published.items).toHaveLength(2);
      expect(group.map((e) => e.seq)).toEqual([1, 2, 3, 4].map((i) => single[0]!.seq + i));
    } finally {
      await holder.client.end();
      unsubscribe();
    }
  });

  it('commits in seq order under concurrency: a reader never sees a later seq before an earlier one', async () => {
    const { tenantId, ingest, senders, conversationOf, unsubscribe } = await setup(5);
    unsubscribe();
    const start = await readHeadSeq(app.deps.db, tenantId);
    let done = false;
    const gaps: string[] = [];
    const reader = (async () => {
      let seen = start;
      while (!done) {
        const events = await readEvents(app.deps.db, tenantId, { afterSeq: seen, limit: 1000 });
        events.forEach((e, i) => {
          if (e.seq !== seen + i + 1) gaps.push(`${seen + i + 1} missing when ${e.seq} was visible`);
        });
        seen = events.at(-1)?.seq ?? seen;
      }
    })();
    const perSender = 12;
    const outcomes = await Promise.all(senders.flatMap((s) => Array.from({ length: perSender }, (_, i) => ingest(inbound(s.from, s.name, `burst ${i}`)))));
    done = true;
    await reader;
    expect(gaps).toEqual([]);
    expect(outcomes.every((o) => o.created === 1)).toBe(true);
    const events = await readEvents(app.deps.db, tenantId, { afterSeq: start, limit: 1000 });
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: senders.length * perSender }, (_, i) => start + i + 1));
    for (const s of senders) expect((await app.deps.db.conversation.findUniqueOrThrow({ where: { id: conversationOf(s.from).id } })).unreadCount).toBe(perSender + 1);
  });
});
