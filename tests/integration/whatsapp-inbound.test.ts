import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inboundPayload, inboundTextPayload, newWamid, postSigned, statusPayload } from '../../server/dev/cloud-webhook-builder.ts';
import { signMetaBody } from '../../server/channels/whatsapp/verify-signature.ts';
import { startFakeGraph, type FakeGraph } from '../../server/dev/fake-graph-server.ts';
import { createWorkspace, watchEvents } from '../support/factories.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { connectCloudChannel, randomPhone } from '../support/whatsapp.ts';
import type { TenantEvent } from '../../src/contracts/events.ts';

let app: TestApp;
let graph: FakeGraph;
beforeAll(async () => {
  [app, graph] = await Promise.all([startTestApp(), startFakeGraph()]);
});
afterAll(async () => {
  await Promise.all([app.stop(), graph.stop()]);
});

const setup = async () => {
  const { admin, tenantId } = await createWorkspace(app.url);
  const { channel, target } = await connectCloudChannel(admin, { appUrl: app.url, graphUrl: graph.url });
  return { admin, tenantId, channel, target };
};

const post = (url: string, body: string | Uint8Array, headers: Record<string, string> = {}) =>
  fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: body as BodyInit }).then(async (r) => ({ status: r.status, text: await r.text() }));

describe('POST /webhooks/whatsapp/cloud', () => {
  it('stores a text message: contact, conversation and message, in the inbox', async () => {
    const { admin, target } = await setup();
    const from = randomPhone();
    expect(await postSigned(target, inboundTextPayload(target, [{ from, name: 'Sheena Nelson', body: 'Does it come in blue?' }]))).toBe(200);
    const inbox = await admin.http.conversation.list.query({});
    expect(inbox.total).toBe(1);
    expect(inbox.items[0]).toMatchObject({ contact: { name: 'Sheena Nelson', phone: from }, lastMessagePreview: 'Does it come in blue?', unreadCount: 1, status: 'OPEN' });
    const { items } = await admin.http.conversation.messages.query({ conversationId: inbox.items[0]!.id });
    expect(items.map((m) => [m.direction, m.body, m.status])).toEqual([['INBOUND', 'Does it come in blue?', 'RECEIVED']]);
  });

  it('sends each message in its event exactly as the API reads it back, on the first message and the ones after, and follows a new profile name', async () => {
    const { admin, target } = await setup();
    const from = randomPhone();
    const stream = watchEvents(admin);
    const bodies = ['First: contact and conversation created', 'Second: the common case', 'Third, under a new name'];
    for (const [i, body] of bodies.entries()) {
      const name = i < 2 ? 'Rui' : 'Rui Costa';
      expect(await postSigned(target, inboundTextPayload(target, [{ from, name, body }]))).toBe(200);
    }
    await stream.until((events) => events.filter((e) => e.type === 'message.created').length === 3);
    const created = stream.events().flatMap((e) => (e.type === 'message.created' ? [e.payload] : []));
    const [conversation] = (await admin.http.conversation.list.query({})).items;
    const { items } = await admin.http.conversation.messages.query({ conversationId: conversation!.id });
    expect(items.map((m) => m.body)).toEqual(bodies);
    expect(created.map((c) => c.message)).toEqual(items);
    // The last event's conversation is the inbox row as it now stands.
    expect(created.at(-1)!.conversation).toEqual(conversation);
    expect(conversation).toMatchObject({ unreadCount: 3, contact: { name: 'Rui Costa', phone: from } });
  });

  it('ingests every sample payload Meta documents', async () => {
    const { admin, target } = await setup();
    const dir = resolve(import.meta.dirname, '../fixtures/provider-vectors/whatsapp-cloud');
    for (const file of readdirSync(dir)) {
      const sample = readFileSync(resolve(dir, file), 'utf8').replace('106540352242922', target.phoneNumberId);
      const res = await post(target.webhookUrl, sample, { 'x-hub-signature-256': signMetaBody(target.appSecret, sample) });
      expect(res.status, file).toBe(200);
    }
    const inbox = await admin.http.conversation.list.query({});
    // text-message and image-message share a wamid in Meta's docs: the second is a duplicate.
    const { items } = await admin.http.conversation.messages.query({ conversationId: inbox.items[0]!.id });
    expect(items).toHaveLength(1);
    expect(inbox.items[0]!.contact).toMatchObject({ name: 'Sheena Nelson', phone: '+16505551234' });
  });

  it('stores every message of a multi-message payload, in order', async () => {
    const { admin, target } = await setup();
    const from = randomPhone();
    const t0 = Date.now() - 60_000;
    const payload = inboundTextPayload(target, [
      { from, name: 'Ana', body: 'one', at: new Date(t0) },
      { from, name: 'Ana', body: 'two', at: new Date(t0 + 1000) },
      { from: randomPhone(), name: 'Bo', body: 'other contact', at: new Date(t0 + 2000) },
    ]);
    expect(await postSigned(target, payload)).toBe(200);
    const inbox = await admin.http.conversation.list.query({});
    expect(inbox.items.map((c) => c.contact.name)).toEqual(['Bo', 'Ana']);
    const ana = inbox.items.find((c) => c.contact.name === 'Ana')!;
    expect(ana.unreadCount).toBe(2);
    const { items } = await admin.http.conversation.messages.query({ conversationId: ana.id });
    expect(items.map((m) => m.body)).toEqual(['one', 'two']);
  });

  it('stores a late delivery without moving the inbox row back, and reopens a resolved conversation for a new message', async () => {
    const { admin, target } = await setup();
    const from = randomPhone();
    // Providers stamp whole seconds.
    const t0 = Math.floor(Date.now() / 1000) * 1000 - 10 * 60_000;
    expect(await postSigned(target, inboundTextPayload(target, [{ from, name: 'Cleo', body: 'newer', at: new Date(t0 + 60_000) }]))).toBe(200);
    const [first] = (await admin.http.conversation.list.query({})).items;
    await admin.http.conversation.resolve.mutate({ conversationId: first!.id });
    // Stamped a minute before the one already stored: the provider delivered it late.
    expect(await postSigned(target, inboundTextPayload(target, [{ from, name: 'Cleo', body: 'older', at: new Date(t0) }]))).toBe(200);
    const [row] = (await admin.http.conversation.list.query({})).items;
    expect(row).toMatchObject({
      id: first!.id,
      status: 'OPEN',
      // Resolving read the first; the late one is unread.
      unreadCount: 1,
      lastMessagePreview: 'newer',
      lastMessageAt: new Date(t0 + 60_000).toISOString(),
      lastInboundAt: new Date(t0 + 60_000).toISOString(),
    });
    const { items } = await admin.http.conversation.messages.query({ conversationId: first!.id });
    expect(items.map((m) => m.body)).toEqual(['older', 'newer']);
  });

  it('moves the inbox row for a newer message and says so in the event, with the contact', async () => {
    const { admin, target } = await setup();
    const from = randomPhone();
    const t0 = Math.floor(Date.now() / 1000) * 1000 - 10 * 60_000;
    expect(await postSigned(target, inboundTextPayload(target, [{ from, name: 'Dev', body: 'first', at: new Date(t0) }]))).toBe(200);
    const stream = watchEvents(admin);
    expect(await postSigned(target, inboundTextPayload(target, [{ from, name: 'Dev Renamed', body: 'second', at: new Date(t0 + 5_000) }]))).toBe(200);
    const [created] = (await stream.until((e) => e.filter((x) => x.type === 'message.created').length === 2)).filter((e) => e.type === 'message.created').slice(-1);
    expect(created!.type === 'message.created' && created!.payload.conversation).toMatchObject({
      contact: { name: 'Dev Renamed', phone: from },
      lastMessagePreview: 'second',
      lastMessageAt: new Date(t0 + 5_000).toISOString(),
      lastMessageDirection: 'INBOUND',
      lastMessageFromAi: false,
      unreadCount: 2,
      status: 'OPEN',
    });
    expect(created!.type === 'message.created' && created!.payload.message).toMatchObject({ body: 'second', direction: 'INBOUND', sender: null, status: 'RECEIVED' });
  });

  it('stores a message once when the same delivery arrives twice at the same moment', async () => {
    const { admin, target } = await setup();
    const payload = inboundTextPayload(target, [{ from: randomPhone(), name: 'Dup', body: 'hello', id: newWamid() }]);
    const statuses = await Promise.all(Array.from({ length: 8 }, () => postSigned(target, payload)));
    expect(statuses).toEqual(Array(8).fill(200));
    const inbox = await admin.http.conversation.list.query({});
    expect(inbox.total).toBe(1);
    expect((await admin.http.conversation.messages.query({ conversationId: inbox.items[0]!.id })).items).toHaveLength(1);
    expect(inbox.items[0]!.unreadCount).toBe(1);
  });

  it('opens one conversation when a new contact’s first messages arrive simultaneously', async () => {
    const { admin, target } = await setup();
    const from = randomPhone();
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => postSigned(target, inboundTextPayload(target, [{ from, name: 'Racer', body: `msg ${i}` }]))),
    );
    expect(results).toEqual(Array(6).fill(200));
    const inbox = await admin.http.conversation.list.query({});
    expect(inbox.total).toBe(1);
    expect((await admin.http.conversation.messages.query({ conversationId: inbox.items[0]!.id })).items).toHaveLength(6);
  });

  it('refuses a bad signature, a missing signature and a signature by another secret, writing nothing', async () => {
    const { admin, target } = await setup();
    const payload = JSON.stringify(inboundTextPayload(target, [{ from: randomPhone(), name: 'X', body: 'hi' }]));
    expect((await post(target.webhookUrl, payload)).status).toBe(401);
    expect((await post(target.webhookUrl, payload, { 'x-hub-signature-256': signMetaBody('wrong-secret', payload) })).status).toBe(401);
    const tampered = payload.replace('"hi"', '"hi!"');
    expect((await post(target.webhookUrl, tampered, { 'x-hub-signature-256': signMetaBody(target.appSecret, payload) })).status).toBe(401);
    expect((await admin.http.conversation.list.query({})).total).toBe(0);
  });

  it('answers 400 to malformed payloads and 413 to oversized ones, never 500', async () => {
    const { target } = await setup();
    const sign = (body: string) => ({ 'x-hub-signature-256': signMetaBody(target.appSecret, body) });
    for (const body of ['not json', '{"object":"whatsapp_business_account"}', JSON.stringify({ object: 'x', entry: [{ id: '1', changes: [{ field: 'messages', value: { metadata: {} } }] }] })]) {
      expect((await post(target.webhookUrl, body, sign(body))).status, body).toBe(400);
    }
    const huge = Buffer.alloc(3 * 1024 * 1024 + 10, 'a');
    expect((await post(target.webhookUrl, huge, sign('x'))).status).toBe(413);
  });

  it('acknowledges a payload for an unknown phone number id without storing anything', async () => {
    const { target } = await setup();
    const unknown = { ...target, phoneNumberId: '999000111222' };
    expect(await postSigned(unknown, inboundTextPayload(unknown, [{ from: randomPhone(), name: 'Nobody', body: 'hi' }]))).toBe(200);
  });

  it('takes a rotated app secret at once and forgets a deleted channel at once, though deliveries find channels without a query', async () => {
    const { admin, channel, target } = await setup();
    const from = randomPhone();
    expect(await postSigned(target, inboundTextPayload(target, [{ from, name: 'Ines', body: 'before' }]))).toBe(200);
    // Rotated at Meta and then through another server process (so not forgotten on this one):
    // the next delivery is signed with the new secret.
    const rotated = { ...target, appSecret: 'rotated-app-secret-0123456789' };
    const stored = await app.deps.db.channel.findUniqueOrThrow({ where: { id: channel.id } });
    const secrets = { ...app.deps.secrets.open<Record<string, string>>(stored.secrets), appSecret: rotated.appSecret };
    await app.deps.db.channel.update({ where: { id: channel.id }, data: { secrets: app.deps.secrets.seal(secrets) } });
    expect(await postSigned(rotated, inboundTextPayload(rotated, [{ from, name: 'Ines', body: 'after' }]))).toBe(200);
    expect(await postSigned(target, inboundTextPayload(target, [{ from, name: 'Ines', body: 'old secret' }]))).toBe(401);
    const [conversation] = (await admin.http.conversation.list.query({})).items;
    const { items } = await admin.http.conversation.messages.query({ conversationId: conversation!.id });
    expect(items.map((m) => m.body)).toEqual(['before', 'after']);

    await admin.http.channel.delete.mutate({ channelId: channel.id });
    expect(await postSigned(rotated, inboundTextPayload(rotated, [{ from, name: 'Ines', body: 'gone' }]))).toBe(200);
    expect(await app.deps.db.message.count({ where: { body: 'gone', conversationId: conversation!.id } })).toBe(0);
  });

  it('answers the verification handshake only for a known verify token', async () => {
    const { admin } = await createWorkspace(app.url);
    const verifyToken = `meatyhamhock-${newWamid().slice(6, 20)}`;
    await admin.http.channel.create.mutate({
      provider: 'WHATSAPP_CLOUD', name: 'Handshake', phoneNumber: randomPhone(), phoneNumberId: String(Date.now()),
      accessToken: 'a', appSecret: 'b', verifyToken, graphBaseUrl: graph.url, graphApiVersion: 'v21.0',
    });
    const url = (t: string) => `${app.url}/webhooks/whatsapp/cloud?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=${encodeURIComponent(t)}`;
    const ok = await fetch(url(verifyToken));
    expect([ok.status, await ok.text()]).toEqual([200, '1158201444']);
    expect((await fetch(url('wrong'))).status).toBe(403);
  });
});

describe('status updates', () => {
  it('never move backwards: a late delivered after read stays read; failed keeps its code and title', async () => {
    const { admin, target } = await setup();
    const events = watchEvents(admin);
    const from = randomPhone();
    await postSigned(target, inboundTextPayload(target, [{ from, name: 'Sid', body: 'hello' }]));
    const conversation = (await admin.http.conversation.list.query({})).items[0]!;
    const updateOf = (id: string, status: string) => (e: TenantEvent): e is Extract<TenantEvent, { type: 'message.updated' }> =>
      e.type === 'message.updated' && e.payload.message.id === id && e.payload.message.status === status;

    const message = await admin.http.conversation.sendText.mutate({ conversationId: conversation.id, body: 'Hi Sid!' });
    const { payload: sent } = await events.next(updateOf(message.id, 'SENT'));
    const wamid = sent.message.providerMessageId!;
    expect(graph.sends.find((s) => s.wamid === wamid)?.body).toMatchObject({ to: from, type: 'text', text: { body: 'Hi Sid!' } });
    for (const status of ['read', 'delivered', 'sent'] as const) {
      expect(await postSigned(target, statusPayload(target, [{ id: wamid, status, recipient: from }]))).toBe(200);
    }
    await events.next(updateOf(message.id, 'READ'));
    const { items } = await admin.http.conversation.messages.query({ conversationId: conversation.id });
    expect(items.find((m) => m.id === message.id)).toMatchObject({ status: 'READ', deliveredAt: null });
    expect(events.events().filter((e) => e.type === 'message.updated' && e.payload.message.id === message.id).map((e) => e.type === 'message.updated' && e.payload.message.status)).toEqual(['SENT', 'READ']);

    const second = await admin.http.conversation.sendText.mutate({ conversationId: conversation.id, body: 'Second' });
    const secondWamid = (await events.next(updateOf(second.id, 'SENT'))).payload.message.providerMessageId!;
    const error = { code: 131049, title: 'Not delivered to maintain healthy ecosystem engagement.' };
    await postSigned(target, statusPayload(target, [{ id: secondWamid, status: 'failed', recipient: from, error }]));
    const { payload } = await events.next(updateOf(second.id, 'FAILED'));
    expect(payload.message).toMatchObject({ errorCode: '131049', errorTitle: error.title });
    await events.stop();
  });

  it('applies a status that arrives before the send result is stored', async () => {
    const { admin, target, tenantId } = await setup();
    const events = watchEvents(admin);
    const from = randomPhone();
    await postSigned(target, inboundTextPayload(target, [{ from, name: 'Early', body: 'hello' }]));
    const conversation = (await admin.http.conversation.list.query({})).items[0]!;
    // The fake answers with a wamid we choose, and Meta's "delivered" for it lands first.
    const wamid = newWamid();
    graph.script({ status: 200, body: { messaging_product: 'whatsapp', messages: [{ id: wamid }] } });
    expect(await postSigned(target, statusPayload(target, [{ id: wamid, status: 'delivered', recipient: from }]))).toBe(200);
    expect(await app.deps.db.statusBacklog.count({ where: { tenantId, providerMessageId: wamid } })).toBe(1);
    const message = await admin.http.conversation.sendText.mutate({ conversationId: conversation.id, body: 'Racing the webhook' });
    await events.next((e): e is TenantEvent => e.type === 'message.updated' && e.payload.message.id === message.id && e.payload.message.status === 'DELIVERED');
    expect(await app.deps.db.statusBacklog.count({ where: { tenantId, providerMessageId: wamid } })).toBe(0);
    await events.stop();
  });
});

describe('awkward payloads', () => {
  it('stores a message whose text carries a NUL character instead of failing every retry', async () => {
    const { admin, target } = await setup();
    expect(await postSigned(target, inboundTextPayload(target, [{ from: randomPhone(), name: 'Nul\u0000l', body: 'before\u0000after' }]))).toBe(200);
    const [conversation] = (await admin.http.conversation.list.query({})).items;
    expect(conversation!.lastMessagePreview).toBe('beforeafter');
  });

  it('stores media whose caption carries a NUL, or the text of an escaped one, as written', async () => {
    const { admin, target } = await setup();
    const contact = { phone: randomPhone(), name: 'Paths' };
    // A backslash followed by "u0000" is ordinary text and stays; only the NUL character goes.
    const caption = 'C:\\u0000dir\u0000 done';
    const payload = inboundPayload(target, contact, [{ type: 'image', image: { id: 'media-1', mime_type: 'image/jpeg', caption } }]);
    expect(await postSigned(target, payload)).toBe(200);
    const [conversation] = (await admin.http.conversation.list.query({})).items;
    const { items } = await admin.http.conversation.messages.query({ conversationId: conversation!.id });
    expect(items.map((m) => [m.body, (m.content as { caption?: string } | null)?.caption])).toEqual([['C:\\u0000dir done', 'C:\\u0000dir done']]);
  });
});
