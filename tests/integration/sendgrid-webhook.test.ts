import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendgridEventBody, sendgridEventFor, startFakeSendgrid, type FakeSendgrid, type SentMail } from '../../server/dev/fake-sendgrid-server.ts';
import { sendEmailJob } from '../../server/email/send-email.job.ts';
import type { ApiUser } from '../support/api-client.ts';
import { connectSendgrid, createLead } from '../support/crm.ts';
import { createWorkspace, refusalOf, watchEvents } from '../support/factories.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

type VectorCase = { name: string; public_key: string; payload_base64: string; signature: string; timestamp: string; expected: boolean };
const fixtures = resolve(import.meta.dirname, '../fixtures/provider-vectors');
const vectors = (JSON.parse(readFileSync(`${fixtures}/sendgrid-event-webhook.json`, 'utf8')) as { cases: VectorCase[] }).cases;
const samples = JSON.parse(readFileSync(`${fixtures}/sendgrid-event-samples.json`, 'utf8')) as { all_event_types_one_post: Array<Record<string, unknown>> };
const globalKey = vectors.find((v) => v.expected)!.public_key;

let app: TestApp;
/** A deployment configured with the key SendGrid's "wrong public key" vector names. */
let wrongKeyApp: TestApp;
let sendgrid: FakeSendgrid;
/** Another SendGrid account: its own signing key. */
let otherAccount: FakeSendgrid;
let hook: string;
beforeAll(async () => {
  [sendgrid, otherAccount] = await Promise.all([startFakeSendgrid(), startFakeSendgrid()]);
  // The deployment-wide key is the one SendGrid's own test vectors were signed with.
  app = await startTestApp({ env: { SENDGRID_BASE_URL: sendgrid.url, SENDGRID_WEBHOOK_PUBLIC_KEY: globalKey } });
  hook = `${app.url}/webhooks/sendgrid`;
  const wrongKey = vectors.find((v) => v.public_key !== globalKey)!.public_key;
  wrongKeyApp = await startTestApp({ env: { SENDGRID_WEBHOOK_PUBLIC_KEY: wrongKey } });
});
afterAll(async () => {
  await Promise.all([app.stop(), wrongKeyApp.stop()]);
  await Promise.all([sendgrid.close(), otherAccount.close()]);
});

const post = (body: string, headers: Record<string, string>) => fetch(hook, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
const signedHeaders = (account: FakeSendgrid, body: string) => {
  const { signature, timestamp } = account.sign(body);
  return { 'x-twilio-email-event-webhook-signature': signature, 'x-twilio-email-event-webhook-timestamp': timestamp };
};

/** A workspace on `account`, with one email sent to a lead through the fake. */
const sentEmail = async (account: FakeSendgrid = sendgrid) => {
  const ws = await createWorkspace(app.url);
  await connectSendgrid(ws.admin, account);
  const lead = await createLead(ws.admin);
  const stream = watchEvents(ws.admin);
  const email = await ws.admin.http.email.send.mutate({ contactId: lead.id, subject: 'Hello', html: '<p>Hi <a href="https://acme.test/offer">offer</a></p>' });
  await stream.next((e) => e.type === 'email.updated' && e.payload.email.id === email.id && e.payload.email.status === 'SENT');
  const mail = sendgrid.sent.find((m) => m.body.custom_args?.emailId === email.id)!;
  return { ...ws, lead, email, mail, stream, account };
};

const at = (iso: string) => Math.floor(Date.parse(iso) / 1000);
const getEmail = (admin: ApiUser, emailId: string) => admin.http.email.get.query({ emailId });

describe('POST /webhooks/sendgrid: signature', () => {
  for (const vector of vectors) {
    it(`shared vector "${vector.name}" → ${vector.expected ? 200 : 401}`, async () => {
      // Posted to the deployment whose configured key is the vector's.
      const target = vector.public_key === globalKey ? app : wrongKeyApp;
      const res = await fetch(`${target.url}/webhooks/sendgrid`, {
        method: 'POST',
        body: new Uint8Array(Buffer.from(vector.payload_base64, 'base64')),
        headers: {
          'content-type': 'application/json',
        'x-twilio-email-event-webhook-signature': vector.signature,
          'x-twilio-email-event-webhook-timestamp': vector.timestamp,
        },
      });
      expect(res.status).toBe(vector.expected ? 200 : 401);
    });
  }

  it('refuses a tampered body, timestamp or signature, a wrong key, a re-serialised body and a missing signature (401), storing nothing', async () => {
    const { email, mail, admin } = await sentEmail();
    const body = sendgridEventBody([sendgridEventFor(mail, 'open', { timestamp: at('2026-01-01T10:00:00Z') })]);
    const good = signedHeaders(sendgrid, body);
    const flipped = body.replace('"open"', '"opeN"');
    const reserialised = JSON.stringify(JSON.parse(body));
    const attempts: Array<[string, Record<string, string>]> = [
      [flipped, good],
      [body, { ...good, 'x-twilio-email-event-webhook-timestamp': String(Number(good['x-twilio-email-event-webhook-timestamp']) + 1) }],
      [body, { ...good, 'x-twilio-email-event-webhook-signature': signedHeaders(sendgrid, `${body} `)['x-twilio-email-event-webhook-signature'] }],
      [body, signedHeaders(otherAccount, body)],
      [reserialised, good],
      [body, {}],
      [body, { 'x-twilio-email-event-webhook-timestamp': good['x-twilio-email-event-webhook-timestamp'] }],
    ];
    for (const [payload, headers] of attempts) expect((await post(payload, headers)).status).toBe(401);
    expect(await app.deps.db.emailEvent.count({ where: { emailId: email.id } })).toBe(0);
    expect((await getEmail(admin, email.id)).engagement.openCount).toBe(0);
    // The same bytes, properly signed, go through.
    expect((await post(body, good)).status).toBe(200);
    expect((await getEmail(admin, email.id)).engagement.openCount).toBe(1);
  });

  it('answers 400 to a signed body that is not a JSON array of events', async () => {
    for (const body of ['{"event":"open"', '{"event":"open"}', '[1,2]', '']) {
      expect((await post(body, signedHeaders(sendgrid, body))).status).toBe(400);
    }
  });
});

describe('POST /webhooks/sendgrid: engagement', () => {
  it('folds opens and clicks into the email, live, counting duplicates and changed-id retries once', async () => {
    const { email, mail, admin, stream } = await sentEmail();
    const open = sendgridEventFor(mail, 'open', { timestamp: at('2026-01-01T10:00:00Z'), useragent: 'Mail', ip: '203.0.113.9' });
    const click = sendgridEventFor(mail, 'click', { timestamp: at('2026-01-01T10:01:00Z'), url: 'https://acme.test/offer' });
    expect((await sendgrid.signAndPost(hook, [open, click])).status).toBe(200);
    const live = await stream.next((e) => e.type === 'email.updated' && e.payload.email.id === email.id && e.payload.email.engagement.clicks.length === 1);
    if (live.type !== 'email.updated') throw new Error('unreachable');
    expect(live.payload.email.engagement).toMatchObject({
      openCount: 1,
      firstOpenedAt: '2026-01-01T10:00:00.000Z',
      clicks: [{ url: 'https://acme.test/offer', count: 1, firstAt: '2026-01-01T10:01:00.000Z', lastAt: '2026-01-01T10:01:00.000Z' }],
    });
    expect(live.payload.email.status).toBe('DELIVERED');
    expect(live.payload.email.events.map((e) => e.type)).toEqual(['click', 'open']);

    const before = stream.events().length;
    // SendGrid repeats the batch; then retries it with new event ids but the same content.
    expect((await sendgrid.signAndPost(hook, [open, click])).status).toBe(200);
    expect((await sendgrid.signAndPost(hook, [{ ...open, sg_event_id: randomUUID() }, { ...click, sg_event_id: randomUUID() }])).status).toBe(200);
    // Twins inside one batch too.
    expect((await sendgrid.signAndPost(hook, [open, open])).status).toBe(200);
    const after = await getEmail(admin, email.id);
    expect(after.engagement.openCount).toBe(1);
    expect(after.engagement.clicks[0]!.count).toBe(1);
    expect(await app.deps.db.emailEvent.count({ where: { emailId: email.id } })).toBe(2);
    // Nothing changed, so nothing was announced.
    const second = sendgridEventFor(mail, 'open', { timestamp: at('2026-01-02T09:00:00Z') });
    await sendgrid.signAndPost(hook, [second]);
    await stream.next((e) => e.type === 'email.updated' && e.payload.email.id === email.id && e.payload.email.engagement.openCount === 2);
    expect(stream.events().slice(before).filter((e) => e.type === 'email.updated')).toHaveLength(1);
    expect((await getEmail(admin, email.id)).engagement).toMatchObject({ openCount: 2, firstOpenedAt: '2026-01-01T10:00:00.000Z', lastOpenedAt: '2026-01-02T09:00:00.000Z' });
  });

  it('stores events whose ids carry a NUL character or are too long for the index, never a 500', async () => {
    const { email, mail, admin } = await sentEmail();
    const odd = [
      sendgridEventFor(mail, 'open', { timestamp: at('2026-01-01T10:00:00Z'), sg_event_id: 'nul\u0000id', useragent: 'A\u0000' }),
      sendgridEventFor(mail, 'open', { timestamp: at('2026-01-01T11:00:00Z'), sg_event_id: 'x'.repeat(5000) }),
    ];
    expect((await sendgrid.signAndPost(hook, odd)).status).toBe(200);
    expect((await sendgrid.signAndPost(hook, odd)).status).toBe(200);
    expect((await getEmail(admin, email.id)).engagement.openCount).toBe(2);
  });

  it('counts an event once when SendGrid’s servers post the same batch at the same moment', async () => {
    const { email, mail, admin } = await sentEmail();
    const open = sendgridEventFor(mail, 'open', { timestamp: at('2026-01-01T10:00:00Z') });
    const click = sendgridEventFor(mail, 'click', { timestamp: at('2026-01-01T10:00:05Z'), url: 'https://acme.test/offer' });
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => sendgrid.signAndPost(hook, i % 2 ? [click, open] : [open, { ...click, sg_event_id: randomUUID() }])));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect((await getEmail(admin, email.id)).engagement).toMatchObject({ openCount: 1, clicks: [{ url: 'https://acme.test/offer', count: 1 }] });
    expect(await app.deps.db.emailEvent.count({ where: { emailId: email.id } })).toBe(2);
  });

  it('reaches the same state whatever order the events arrive in; a late delivered or processed never moves the status back', async () => {
    const { email, mail, admin } = await sentEmail();
    const processed = sendgridEventFor(mail, 'processed', { timestamp: at('2026-01-01T09:59:00Z') });
    const delivered = sendgridEventFor(mail, 'delivered', { timestamp: at('2026-01-01T09:59:30Z'), response: '250 OK' });
    const open = sendgridEventFor(mail, 'open', { timestamp: at('2026-01-01T10:05:00Z') });
    await sendgrid.signAndPost(hook, [open]);
    expect(await getEmail(admin, email.id)).toMatchObject({ status: 'DELIVERED', engagement: { deliveredAt: '2026-01-01T10:05:00.000Z' } });
    await sendgrid.signAndPost(hook, [delivered]);
    await sendgrid.signAndPost(hook, [processed]);
    const final = await getEmail(admin, email.id);
    expect(final.status).toBe('DELIVERED');
    expect(final.engagement).toMatchObject({ deliveredAt: '2026-01-01T09:59:30.000Z', openCount: 1, firstOpenedAt: '2026-01-01T10:05:00.000Z' });

    // The same three in the other order on a second email end identical.
    const other = await sentEmail();
    for (const type of ['processed', 'delivered', 'open'] as const) {
      const source = { processed, delivered, open }[type];
      await sendgrid.signAndPost(hook, [{ ...sendgridEventFor(other.mail, type), timestamp: source.timestamp, ...(type === 'delivered' ? { response: '250 OK' } : {}) }]);
    }
    const otherFinal = await getEmail(other.admin, other.email.id);
    expect({ status: otherFinal.status, engagement: otherFinal.engagement }).toEqual({ status: final.status, engagement: final.engagement });
  });

  it('accepts every event type; a bounce marks the contact do-not-email and blocks further sends', async () => {
    const { email, mail, admin, lead, stream } = await sentEmail();
    const events = samples.all_event_types_one_post.map((sample, i) => ({
      ...sample,
      emailId: email.id,
      tenantId: mail.body.custom_args!.tenantId,
      sg_event_id: `sample-${i}-${randomUUID()}`,
    }));
    expect((await sendgrid.signAndPost(hook, events)).status).toBe(200);
    const blocked = await stream.next((e) => e.type === 'contact.updated' && e.payload.contact.id === lead.id && e.payload.contact.doNotEmail);
    if (blocked.type !== 'contact.updated') throw new Error('unreachable');
    expect(blocked.payload.contact.doNotEmailReason).toMatch(/^Email bounced/);
    const after = await getEmail(admin, email.id);
    // Dropped outranks bounced in the fold (terminal: SendGrid never sent it).
    expect(after.status).toBe('DROPPED');
    expect(after.engagement.bounceReason).not.toBeNull();
    expect(after.engagement.spamReportedAt).not.toBeNull();
    expect(await app.deps.db.emailEvent.count({ where: { emailId: email.id } })).toBe(11);
    const refusal = await refusalOf(admin.http.email.send.mutate({ contactId: lead.id, subject: 'Again', html: '<p>x</p>' }));
    expect(refusal.code).toBe('PRECONDITION_FAILED');
    expect(refusal.message).toContain('do-not-email');
  });

  it('events for an email we recorded as failed prove SendGrid took it: sent after all, its task completed', async () => {
    const ws = await createWorkspace(app.url);
    await connectSendgrid(ws.admin, sendgrid);
    const lead = await createLead(ws.admin);
    const task = (await ws.admin.http.task.list.query({ view: 'all', contactId: lead.id })).items[0]!;
    const stream = watchEvents(ws.admin);
    // As if the API call had timed out after SendGrid accepted the mail.
    sendgrid.failNext(400, 1);
    const email = await ws.admin.http.email.send.mutate({ contactId: lead.id, taskId: task.id, subject: 'Hello', html: '<p>Hi</p>' });
    await stream.next((e) => e.type === 'email.updated' && e.payload.email.id === email.id && e.payload.email.status === 'FAILED');
    const event = { email: lead.email, event: 'delivered', timestamp: at('2026-01-01T10:00:00Z'), sg_event_id: randomUUID(), emailId: email.id, tenantId: ws.tenantId };
    expect((await sendgrid.signAndPost(hook, [event])).status).toBe(200);
    const done = await stream.next((e) => e.type === 'task.updated' && e.payload.task.id === task.id);
    if (done.type !== 'task.updated') throw new Error('unreachable');
    expect(done.payload.task).toMatchObject({ status: 'DONE', emailId: email.id, completedAt: '2026-01-01T10:00:00.000Z' });
    expect(await getEmail(ws.admin, email.id)).toMatchObject({ status: 'DELIVERED', sentAt: '2026-01-01T10:00:00.000Z', error: null });
  });

  it('a last send attempt failing after SendGrid’s events arrived leaves the email where the events put it, never FAILED', async () => {
    const ws = await createWorkspace(app.url);
    await connectSendgrid(ws.admin, sendgrid);
    const lead = await createLead(ws.admin);
    const task = (await ws.admin.http.task.list.query({ view: 'all', contactId: lead.id })).items[0]!;
    // Written QUEUED as the service writes it; its send job is run here, on its last attempt.
    const row = await app.deps.db.email.create({
      data: { tenantId: ws.tenantId, contactId: lead.id, taskId: task.id, senderUserId: ws.me.user.id, fromName: 'Sam', fromAddress: 'sales@acme.test', to: lead.email!, subject: 'Last try', html: '<p>x</p>', text: 'x' },
    });
    const hold = sendgrid.holdNext();
    const run = sendEmailJob(app.deps)({ tenantId: ws.tenantId, emailId: row.id }, { attempt: 5, maxAttempts: 5 });
    await hold.arrived;
    // An earlier attempt reached SendGrid (its answer was lost): SendGrid only reports mail it
    // accepted, so its events, arriving while this attempt hangs, prove the email went out.
    const delivered = { email: lead.email, event: 'delivered', timestamp: at('2026-01-01T10:00:00Z'), sg_event_id: randomUUID(), emailId: row.id, tenantId: ws.tenantId };
    expect((await sendgrid.signAndPost(hook, [delivered])).status).toBe(200);
    hold.release(503);
    await run;
    expect(await getEmail(ws.admin, row.id)).toMatchObject({ status: 'DELIVERED', error: null, sentAt: '2026-01-01T10:00:00.000Z' });
    expect(await app.deps.db.task.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({ status: 'DONE', emailId: row.id });
  });

  it('acknowledges events for mail we did not send and event types it does not know, signed by a workspace’s account', async () => {
    await sentEmail();
    const res = await sendgrid.signAndPost(hook, [
      { email: 'x@example.com', event: 'open', timestamp: 1600000000, sg_event_id: randomUUID() },
      { email: 'x@example.com', event: 'account_status_change', timestamp: 1600000000, emailId: randomUUID(), tenantId: randomUUID() },
    ]);
    expect(res.status).toBe(200);
  });
});

describe('POST /webhooks/sendgrid: workspaces', () => {
  const eventsOf = (mail: SentMail, overrides: Record<string, unknown>) => [sendgridEventFor(mail, 'open', { timestamp: at('2026-01-01T10:00:00Z'), ...overrides })];

  it('ignores an event naming another workspace’s email, or signed with another workspace’s key', async () => {
    const a = await sentEmail(sendgrid);
    const b = await sentEmail(otherAccount);
    // A's account signs an event that names B's email under A's workspace, under B's workspace,
    // and one that names A's email under B's workspace.
    await sendgrid.signAndPost(hook, eventsOf(a.mail, { emailId: b.email.id }));
    await sendgrid.signAndPost(hook, eventsOf(a.mail, { emailId: b.email.id, tenantId: b.tenantId }));
    await sendgrid.signAndPost(hook, eventsOf(a.mail, { tenantId: b.tenantId }));
    expect(await app.deps.db.emailEvent.count({ where: { emailId: { in: [a.email.id, b.email.id] } } })).toBe(0);
    expect((await getEmail(b.admin, b.email.id)).engagement.openCount).toBe(0);
    expect((await getEmail(a.admin, a.email.id)).engagement.openCount).toBe(0);
    // Each account's own events do land.
    await otherAccount.signAndPost(hook, eventsOf(b.mail, {}));
    expect((await getEmail(b.admin, b.email.id)).engagement.openCount).toBe(1);
    expect(a.stream.events().some((e) => e.type === 'email.updated' && e.payload.email.id === b.email.id)).toBe(false);
  });
});
