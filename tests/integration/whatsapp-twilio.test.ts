import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TenantEvent } from '../../src/contracts/events.ts';
import { signTwilioRequest } from '../../server/channels/twilio/verify-signature.ts';
import { startFakeTwilio } from '../../server/dev/fake-twilio-server.ts';
import { createWorkspace, watchEvents } from '../support/factories.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { randomPhone } from '../support/whatsapp.ts';

let app: TestApp;
let twilio: Awaited<ReturnType<typeof startFakeTwilio>>;
beforeAll(async () => {
  [app, twilio] = await Promise.all([startTestApp(), startFakeTwilio()]);
});
afterAll(async () => {
  await Promise.all([app.stop(), twilio.stop()]);
});

const AUTH_TOKEN = 'twilio-auth-token-for-tests';
const ACCOUNT_SID = `AC${randomBytes(16).toString('hex')}`;

const setup = async () => {
  const { admin } = await createWorkspace(app.url);
  const channel = await admin.http.channel.create.mutate({
    provider: 'TWILIO', name: 'Twilio line', phoneNumber: '+14155238886', twilioAccountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, twilioApiBaseUrl: twilio.url,
  });
  const url = `${app.url}/webhooks/whatsapp/twilio/${channel.id}`;
  const post = (params: Record<string, string>, opts: { token?: string; signature?: string | null } = {}) => {
    const signature = opts.signature === undefined ? signTwilioRequest(opts.token ?? AUTH_TOKEN, url, params) : opts.signature;
    return fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(signature ? { 'x-twilio-signature': signature } : {}) },
      body: new URLSearchParams(params).toString(),
    }).then(async (r) => ({ status: r.status, type: r.headers.get('content-type'), text: await r.text() }));
  };
  return { admin, channel, post };
};

const inbound = (from: string, sid = `SM${randomBytes(16).toString('hex')}`) => ({
  SmsMessageSid: sid, NumMedia: '0', ProfileName: 'Tomas', SmsSid: sid, WaId: from.slice(1), SmsStatus: 'received',
  Body: 'Hola, do you ship to Lisbon?', To: 'whatsapp:+14155238886', NumSegments: '1', MessageSid: sid,
  AccountSid: ACCOUNT_SID, From: `whatsapp:${from}`, ApiVersion: '2010-04-01', MessageType: 'text',
});

describe('POST /webhooks/whatsapp/twilio/:channelId', () => {
  it('stores an inbound message once, answers empty TwiML, and refuses bad signatures', async () => {
    const { admin, post } = await setup();
    const from = randomPhone();
    const params = inbound(from);
    expect(await post(params, { signature: null })).toMatchObject({ status: 401 });
    expect(await post(params, { token: 'wrong' })).toMatchObject({ status: 401 });
    const ok = await post(params);
    expect(ok).toMatchObject({ status: 200, type: 'text/xml' });
    expect(ok.text).toContain('<Response/>');
    expect((await post(params)).status).toBe(200);
    const inbox = await admin.http.conversation.list.query({});
    expect(inbox.items).toMatchObject([{ contact: { name: 'Tomas', phone: from }, lastMessagePreview: 'Hola, do you ship to Lisbon?' }]);
    expect((await admin.http.conversation.messages.query({ conversationId: inbox.items[0]!.id })).items).toHaveLength(1);
  });

  it('sends a reply through the Messages API and applies status callbacks forward-only', async () => {
    const { admin, post } = await setup();
    const events = watchEvents(admin);
    const from = randomPhone();
    await post(inbound(from));
    const conversation = (await admin.http.conversation.list.query({})).items[0]!;
    const message = await admin.http.conversation.sendText.mutate({ conversationId: conversation.id, body: 'Yes we do!' });
    const isStatus = (status: string) => (e: TenantEvent): e is Extract<TenantEvent, { type: 'message.updated' }> =>
      e.type === 'message.updated' && e.payload.message.id === message.id && e.payload.message.status === status;
    const { payload } = await events.next(isStatus('SENT'));
    const send = twilio.sends.find((s) => s.sid === payload.message.providerMessageId)!;
    expect(send.form).toMatchObject({ From: 'whatsapp:+14155238886', To: `whatsapp:${from}`, Body: 'Yes we do!' });
    expect(send.authorization).toBe(`Basic ${Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64')}`);

    const callback = (status: string, extra: Record<string, string> = {}) =>
      post({ MessageSid: send.sid, MessageStatus: status, SmsStatus: status, AccountSid: ACCOUNT_SID, ChannelPrefix: 'whatsapp', ...extra });
    expect((await callback('read')).status).toBe(200);
    expect((await callback('delivered')).status).toBe(200);
    await events.next(isStatus('READ'));
    const stored = (await admin.http.conversation.messages.query({ conversationId: conversation.id })).items.find((m) => m.id === message.id);
    expect(stored?.status).toBe('READ');
    await events.stop();
  });

  it('refuses an unknown channel and a malformed body', async () => {
    const { post } = await setup();
    const unknown = await fetch(`${app.url}/webhooks/whatsapp/twilio/${crypto.randomUUID()}`, { method: 'POST', body: 'a=b', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(unknown.status).toBe(404);
    expect((await post({ Body: 'no sender' })).status).toBe(400);
  });
});
