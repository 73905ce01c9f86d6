import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TenantEvent } from '../../src/contracts/events.ts';
import { WINDOW_MS } from '../../src/domain/messaging-window.ts';
import { inboundTextPayload, postSigned } from '../../server/dev/cloud-webhook-builder.ts';
import { startFakeGraph, type FakeGraph } from '../../server/dev/fake-graph-server.ts';
import { createWorkspace, watchEvents } from '../support/factories.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { connectCloudChannel, randomPhone } from '../support/whatsapp.ts';

let app: TestApp;
let graph: FakeGraph;
beforeAll(async () => {
  [app, graph] = await Promise.all([startTestApp(), startFakeGraph({ accessToken: 'test-access-token' })]);
});
afterAll(async () => {
  await Promise.all([app.stop(), graph.stop()]);
});

type MessageUpdated = Extract<TenantEvent, { type: 'message.updated' }>;
const settled = (id: string) => (e: TenantEvent): e is MessageUpdated =>
  e.type === 'message.updated' && e.payload.message.id === id && ['SENT', 'FAILED'].includes(e.payload.message.status);

/** A workspace with a channel and one conversation whose customer wrote `lastInboundAgoMs` ago. */
const conversationWithCustomer = async (lastInboundAgoMs = 0) => {
  const { admin } = await createWorkspace(app.url);
  const { channel, target } = await connectCloudChannel(admin, { appUrl: app.url, graphUrl: graph.url });
  const from = randomPhone();
  await postSigned(target, inboundTextPayload(target, [{ from, name: 'Cara', body: 'Hi', at: new Date(Date.now() - lastInboundAgoMs) }]));
  const conversation = (await admin.http.conversation.list.query({})).items[0]!;
  const events = watchEvents(admin);
  return { admin, channel, conversation, from, events };
};

describe('sending a reply', () => {
  it('shows as QUEUED at once, reaches the Graph API with the token, and settles SENT with the wamid', async () => {
    const { admin, conversation, from, events } = await conversationWithCustomer();
    const message = await admin.http.conversation.sendText.mutate({ conversationId: conversation.id, body: 'How can I help?' });
    expect(message).toMatchObject({ status: 'QUEUED', direction: 'OUTBOUND', body: 'How can I help?' });
    const { payload } = await events.next(settled(message.id));
    const send = graph.sends.find((s) => s.wamid === payload.message.providerMessageId)!;
    expect(payload.message.status).toBe('SENT');
    expect(send).toMatchObject({ authorization: 'Bearer test-access-token', version: 'v21.0', body: { messaging_product: 'whatsapp', to: from, type: 'text', text: { body: 'How can I help?' } } });
    await events.stop();
  });

  it('retries a provider 500 and sends exactly once', async () => {
    const { admin, conversation, events } = await conversationWithCustomer();
    graph.script({ status: 500, body: { error: { message: 'Service temporarily unavailable', code: 2 } } });
    const before = graph.sends.length;
    const message = await admin.http.conversation.sendText.mutate({ conversationId: conversation.id, body: 'Retry me' });
    const { payload } = await events.next(settled(message.id));
    expect(payload.message.status).toBe('SENT');
    const attempts = graph.sends.slice(before).filter((s) => (s.body.text as { body?: string } | undefined)?.body === 'Retry me');
    expect(attempts.map((a) => a.wamid === null)).toEqual([true, false]);
    await events.stop();
  });

  it('ends FAILED with the provider’s reason on a 400, without retrying', async () => {
    const { admin, conversation, events } = await conversationWithCustomer();
    graph.script({ status: 400, body: { error: { message: '(#131026) Message Undeliverable', code: 131026, error_data: { details: 'Receiver is incapable of receiving this message' } } } });
    const before = graph.sends.length;
    const message = await admin.http.conversation.sendText.mutate({ conversationId: conversation.id, body: 'Doomed' });
    const { payload } = await events.next(settled(message.id));
    expect(payload.message).toMatchObject({ status: 'FAILED', errorCode: '131026', errorTitle: 'Receiver is incapable of receiving this message' });
    expect(graph.sends.length - before).toBe(1);
    await events.stop();
  });

  it('is idempotent by client message id', async () => {
    const { admin, conversation, events } = await conversationWithCustomer();
    const clientMessageId = crypto.randomUUID();
    const [a, b] = await Promise.all([
      admin.http.conversation.sendText.mutate({ conversationId: conversation.id, body: 'Once', clientMessageId }),
      admin.http.conversation.sendText.mutate({ conversationId: conversation.id, body: 'Once', clientMessageId }),
    ]);
    expect(a.id).toBe(clientMessageId);
    expect(b.id).toBe(clientMessageId);
    await events.next(settled(clientMessageId));
    const { items } = await admin.http.conversation.messages.query({ conversationId: conversation.id });
    expect(items.filter((m) => m.body === 'Once')).toHaveLength(1);
    expect(graph.sends.filter((s) => (s.body.text as { body?: string } | undefined)?.body === 'Once')).toHaveLength(1);
    await events.stop();
  });
});

describe('the 24-hour window', () => {
  it('refuses free-form text after 24 hours while an approved template goes out', async () => {
    const { admin, channel, conversation, from, events } = await conversationWithCustomer(WINDOW_MS + 60_000);
    const detail = await admin.http.conversation.get.query({ conversationId: conversation.id });
    expect(detail.window).toEqual({ open: false, closesAt: null });
    await expect(admin.http.conversation.sendText.mutate({ conversationId: conversation.id, body: 'Hello?' })).rejects.toMatchObject({
      data: { code: 'PRECONDITION_FAILED', appCode: 'INVALID_STATE' },
    });

    const template = await admin.http.channel.createTemplate.mutate({ channelId: channel.id, name: 'order_update', language: 'en_US', body: 'Hi {{1}}, order {{2}} has shipped.' });
    await expect(
      admin.http.conversation.sendTemplate.mutate({ conversationId: conversation.id, templateId: template.id, variables: ['Cara'] }),
    ).rejects.toMatchObject({ data: { code: 'BAD_REQUEST' } });
    const message = await admin.http.conversation.sendTemplate.mutate({ conversationId: conversation.id, templateId: template.id, variables: ['Cara', '#1042'] });
    expect(message.body).toBe('Hi Cara, order #1042 has shipped.');
    const { payload } = await events.next(settled(message.id));
    expect(payload.message.status).toBe('SENT');
    expect(graph.sends.find((s) => s.wamid === payload.message.providerMessageId)!.body).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: from,
      type: 'template',
      template: { name: 'order_update', language: { code: 'en_US' }, components: [{ type: 'body', parameters: [{ type: 'text', text: 'Cara' }, { type: 'text', text: '#1042' }] }] },
    });
    await events.stop();
  });

  it('reports an open window with its closing time', async () => {
    const { admin, conversation, events } = await conversationWithCustomer(60_000);
    const detail = await admin.http.conversation.get.query({ conversationId: conversation.id });
    expect(detail.window.open).toBe(true);
    expect(Date.parse(detail.window.closesAt!) - Date.now()).toBeGreaterThan(WINDOW_MS - 120_000);
    await events.stop();
  });
});

describe('media', () => {
  it('streams an attachment through the server without exposing the token, only to its own tenant', async () => {
    const { admin } = await createWorkspace(app.url);
    const { target } = await connectCloudChannel(admin, { appUrl: app.url, graphUrl: graph.url });
    graph.media.set('media-123', { mimeType: 'image/png', bytes: Buffer.from('PNGDATA') });
    const payload = inboundTextPayload(target, [{ from: randomPhone(), name: 'Pic', body: '' }]);
    const message = (payload.entry[0]!.changes[0]!.value as unknown as { messages: Array<Record<string, unknown>> }).messages[0]!;
    Object.assign(message, { type: 'image', image: { id: 'media-123', mime_type: 'image/png', caption: 'look' }, text: undefined });
    expect(await postSigned(target, payload)).toBe(200);
    const conversation = (await admin.http.conversation.list.query({})).items[0]!;
    const [stored] = (await admin.http.conversation.messages.query({ conversationId: conversation.id })).items;
    expect(stored).toMatchObject({ type: 'image', content: { kind: 'media', mediaId: 'media-123' } });

    const res = await fetch(`${app.url}/media/${stored!.id}`, { headers: { cookie: admin.cookie } });
    expect([res.status, res.headers.get('content-type'), await res.text()]).toEqual([200, 'image/png', 'PNGDATA']);
    expect((await fetch(`${app.url}/media/${stored!.id}`)).status).toBe(401);
    const other = await createWorkspace(app.url);
    expect((await fetch(`${app.url}/media/${stored!.id}`, { headers: { cookie: other.admin.cookie } })).status).toBe(404);

    // A customer's HTML "document" is a download, never a page on our origin.
    graph.media.set('media-html', { mimeType: 'text/html', bytes: Buffer.from('<script>alert(1)</script>') });
    const htmlPayload = inboundTextPayload(target, [{ from: randomPhone(), name: 'Mallory', body: '' }]);
    Object.assign((htmlPayload.entry[0]!.changes[0]!.value as unknown as { messages: Array<Record<string, unknown>> }).messages[0]!, {
      type: 'document', document: { id: 'media-html', mime_type: 'text/html', filename: 'invoice.html' }, text: undefined,
    });
    expect(await postSigned(target, htmlPayload)).toBe(200);
    const mallory = (await admin.http.conversation.list.query({ search: 'Mallory' })).items[0]!;
    const [doc] = (await admin.http.conversation.messages.query({ conversationId: mallory.id })).items;
    const html = await fetch(`${app.url}/media/${doc!.id}`, { headers: { cookie: admin.cookie } });
    expect(html.headers.get('content-type')).toBe('application/octet-stream');
    expect(html.headers.get('content-disposition')).toBe('attachment; filename="invoice.html"');
    expect(html.headers.get('content-security-policy')).toContain('sandbox');
  });
});

describe('template sync', () => {
  it('learns the business account id from webhooks and imports approved templates page by page', async () => {
    const { admin } = await createWorkspace(app.url);
    const { channel, target } = await connectCloudChannel(admin, { appUrl: app.url, graphUrl: graph.url });
    await expect(admin.http.channel.syncTemplates.mutate({ channelId: channel.id })).rejects.toMatchObject({ data: { appCode: 'INVALID_STATE' } });
    await postSigned(target, inboundTextPayload(target, [{ from: randomPhone(), name: 'Wes', body: 'hi' }]));
    expect((await admin.http.channel.list.query())[0]!.wabaId).toBe('102290129340398');

    graph.templates.splice(0, graph.templates.length,
      { name: 'order_update', language: 'en_US', status: 'APPROVED', category: 'UTILITY', components: [{ type: 'BODY', text: 'Hi {{1}}, order {{2}} shipped.' }] },
      { name: 'promo', language: 'en_US', status: 'REJECTED', category: 'MARKETING', components: [{ type: 'BODY', text: 'Sale!' }] },
      { name: 'welcome', language: 'pt_BR', status: 'APPROVED', category: 'MARKETING', components: [{ type: 'HEADER', text: 'Oi' }, { type: 'BODY', text: 'Bem-vindo, {{1}}!' }] },
    );
    expect(await admin.http.channel.syncTemplates.mutate({ channelId: channel.id })).toEqual({ imported: 2, skipped: 1 });
    const templates = await admin.http.channel.listTemplates.query({ channelId: channel.id });
    expect(templates.map((t) => [t.name, t.language, t.variableCount])).toEqual([['order_update', 'en_US', 2], ['welcome', 'pt_BR', 1]]);
    expect(await admin.http.channel.syncTemplates.mutate({ channelId: channel.id })).toEqual({ imported: 2, skipped: 1 });
    expect(await admin.http.channel.listTemplates.query({ channelId: channel.id })).toHaveLength(2);

    // Every open settings page and template picker hears about it.
    const events = watchEvents(admin);
    await events.next((e) => e.type === 'channel.updated' && e.payload.channel.wabaId === '102290129340398');
    const changes = events.events().filter((e) => e.type === 'channel.templates_changed');
    expect(changes.length).toBeGreaterThanOrEqual(2);
    await events.stop();
  });
});
