import { createServer, type IncomingHttpHeaders } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendgridEventFor, startFakeSendgrid, type FakeSendgrid } from '../../server/dev/fake-sendgrid-server.ts';
import { createSendgridMailer } from '../../server/email/sendgrid-client.ts';
import { verifySendgridSignature } from '../../server/email/verify-event-webhook.ts';
import { toEngagementEvent } from '../../src/domain/email-engagement.ts';

/**
 * The fake SendGrid server answers the real `@sendgrid/mail` SDK, pointed at it by base URL, as
 * SendGrid does: 202 + X-Message-Id, 401 without a key, 400 with SendGrid's error body, scripted
 * 5xx; and it signs event batches that our verifier accepts.
 */

type SdkError = Error & { code?: number; response?: { headers: Record<string, string>; body: { errors: Array<{ message: string; field: string | null; help: string | null }> } } };

const mail = (overrides: Record<string, unknown> = {}) => ({
  to: { email: 'lead@example.com', name: 'Lea Lead' },
  from: { email: 'sales@acme.test', name: 'Sam Seller' },
  subject: 'Following up',
  html: '<p>Hello Lea</p>',
  text: 'Hello Lea',
  customArgs: { emailId: 'email_1', tenantId: 'tenant_1' },
  ...overrides,
});

const sendError = async (promise: Promise<unknown>): Promise<SdkError> => {
  try {
    await promise;
  } catch (error) {
    return error as SdkError;
  }
  throw new Error('expected the send to fail');
};

describe('fake SendGrid with the real @sendgrid/mail', () => {
  let fake: FakeSendgrid;
  beforeAll(async () => {
    fake = await startFakeSendgrid();
  });
  afterAll(() => fake.close());

  it('accepts a send with 202 and an X-Message-Id the SDK hands back', async () => {
    const mailer = createSendgridMailer('SG.key-one', fake.url);
    const before = fake.sent.length;
    const [response] = await mailer.send(mail());
    expect(response.statusCode).toBe(202);
    const messageId = response.headers['x-message-id'] as string;
    expect(messageId).toMatch(/^[A-Za-z0-9_-]{22}$/);

    const received = fake.sent[before]!;
    expect(received.messageId).toBe(messageId);
    expect(received.headers.authorization).toBe('Bearer SG.key-one');
    expect(received.body).toMatchObject({
      from: { email: 'sales@acme.test', name: 'Sam Seller' },
      subject: 'Following up',
      personalizations: [{ to: [{ email: 'lead@example.com', name: 'Lea Lead' }] }],
      custom_args: { emailId: 'email_1', tenantId: 'tenant_1' },
    });
    expect(received.body.content).toEqual([
      { type: 'text/plain', value: 'Hello Lea' },
      { type: 'text/html', value: '<p>Hello Lea</p>' },
    ]);
  });

  it('keeps each mailer on its own key, even when sending at the same time', async () => {
    const before = fake.sent.length;
    const one = createSendgridMailer('SG.workspace-one', fake.url);
    const two = createSendgridMailer('SG.workspace-two', fake.url);
    const [[a], [b]] = await Promise.all([one.send(mail({ subject: 'one' })), two.send(mail({ subject: 'two' }))]);
    const byId = new Map(fake.sent.slice(before).map((sent) => [sent.messageId, sent]));
    expect(byId.get(a.headers['x-message-id'] as string)?.headers.authorization).toBe('Bearer SG.workspace-one');
    expect(byId.get(b.headers['x-message-id'] as string)?.headers.authorization).toBe('Bearer SG.workspace-two');
  });

  it('resolves waitForSent from the request handler once enough mails arrived', async () => {
    const mailer = createSendgridMailer('SG.key', fake.url);
    const target = fake.sent.length + 2;
    const waiting = fake.waitForSent(target);
    let resolved = false;
    void waiting.then(() => (resolved = true));
    await mailer.send(mail({ subject: 'first' }));
    await Promise.resolve();
    expect(resolved).toBe(false);
    await mailer.send(mail({ subject: 'second' }));
    const all = await waiting;
    expect(all).toHaveLength(target);
    expect(all.slice(-2).map((sent) => sent.body.subject)).toEqual(['first', 'second']);
  });

  it('surfaces 5xx as the SDK error (code and SendGrid error body), then succeeds when SendGrid recovers', async () => {
    const mailer = createSendgridMailer('SG.key', fake.url);
    const before = fake.sent.length;
    fake.failNext(500, 2);
    for (let attempt = 0; attempt < 2; attempt++) {
      const error = await sendError(mailer.send(mail()));
      expect(error.code).toBe(500);
      expect(error.response?.body.errors[0]).toMatchObject({ message: expect.any(String), field: null });
    }
    expect(fake.sent.length).toBe(before);
    const [response] = await mailer.send(mail());
    expect(response.statusCode).toBe(202);
    expect(fake.sent.length).toBe(before + 1);
  });

  it('surfaces a scripted 4xx with SendGrid error body and records nothing', async () => {
    const mailer = createSendgridMailer('SG.key', fake.url);
    const before = fake.sent.length;
    fake.failNext(400);
    const error = await sendError(mailer.send(mail()));
    expect(error.code).toBe(400);
    expect(error.response?.body).toEqual({ errors: [{ message: expect.any(String), field: 'content', help: null }] });
    fake.failNext(429);
    const limited = await sendError(mailer.send(mail()));
    expect(limited.code).toBe(429);
    expect(limited.response?.headers['x-ratelimit-remaining']).toBe('0');
    expect(fake.sent.length).toBe(before);
  });

  it('answers 400 with field errors for an invalid request the SDK lets through', async () => {
    const mailer = createSendgridMailer('SG.key', fake.url);
    const badRecipient = await sendError(mailer.send(mail({ to: 'not-an-address' })));
    expect(badRecipient.code).toBe(400);
    expect(badRecipient.response?.body.errors.map((e) => e.field)).toEqual(['personalizations.0.to.0.email']);

    const emptyContent = await sendError(mailer.send({ ...mail(), html: undefined, text: undefined, content: [{ type: 'text/plain', value: '' }] }));
    expect(emptyContent.code).toBe(400);
    expect(emptyContent.response?.body.errors.map((e) => e.field)).toEqual(['content.0.value']);

    // The SDK turns `text: ''` into an empty text/plain block, which SendGrid refuses.
    const emptyText = await sendError(mailer.send(mail({ text: '' })));
    expect(emptyText.code).toBe(400);
    expect(emptyText.response?.body.errors).toEqual([
      { message: 'The content value must be a string at least one character in length.', field: 'content.0.value', help: expect.stringMatching(/#message\.content\.value$/) },
    ]);
  });

  it('answers 400 for a request missing from, personalizations and content, with SendGrid-shaped errors', async () => {
    const response = await fetch(`${fake.url}/v3/mail/send`, {
      method: 'POST',
      headers: { authorization: 'Bearer SG.key', 'content-type': 'application/json' },
      body: JSON.stringify({ subject: 'x' }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: Array<{ field: string; message: string; help: string }> };
    expect(body.errors.map((e) => e.field)).toEqual(['from', 'personalizations', 'content']);
    for (const error of body.errors) expect(error.help).toMatch(/^http:\/\/sendgrid\.com\/docs\//);

    const notJson = await fetch(`${fake.url}/v3/mail/send`, { method: 'POST', headers: { authorization: 'Bearer SG.key' }, body: '{' });
    expect(notJson.status).toBe(400);
  });

  it('answers 401 without a bearer key, and 404 for unknown paths', async () => {
    const noAuth = await fetch(`${fake.url}/v3/mail/send`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(noAuth.status).toBe(401);
    expect(((await noAuth.json()) as { errors: unknown[] }).errors).toHaveLength(1);
    const unknown = await fetch(`${fake.url}/v3/templates`, { headers: { authorization: 'Bearer SG.key' } });
    expect(unknown.status).toBe(404);
  });
});

describe('fake SendGrid with a configured key', () => {
  it('refuses another key with 401 through the SDK', async () => {
    const fake = await startFakeSendgrid({ apiKey: 'SG.right' });
    try {
      const error = await sendError(createSendgridMailer('SG.wrong', fake.url).send(mail()));
      expect(error.code).toBe(401);
      const [response] = await createSendgridMailer('SG.right', fake.url).send(mail());
      expect(response.statusCode).toBe(202);
      expect(fake.sent).toHaveLength(1);
    } finally {
      await fake.close();
    }
  });
});

describe('fake SendGrid event signing', () => {
  it('posts a batch laid out and signed as SendGrid does, verifiable with its public key', async () => {
    const fake = await startFakeSendgrid();
    const received: Array<{ headers: IncomingHttpHeaders; body: Buffer }> = [];
    const receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        received.push({ headers: req.headers, body: Buffer.concat(chunks) });
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    try {
      const [response] = await createSendgridMailer('SG.key', fake.url).send(mail());
      const sent = fake.sent[0]!;
      const events = [sendgridEventFor(sent, 'delivered', { response: '250 OK' }), sendgridEventFor(sent, 'open')];
      const address = receiver.address();
      const posted = await fake.signAndPost(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/webhooks/sendgrid`, events);
      expect(posted.status).toBe(200);

      const [{ headers, body }] = received as [{ headers: IncomingHttpHeaders; body: Buffer }];
      expect(body.toString('utf8')).toBe(`${JSON.stringify(events[0])},\r\n${JSON.stringify(events[1])}]\r\n`.replace(/^/, '['));
      expect(fake.publicKey.startsWith('MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE')).toBe(true);
      const signed = { publicKey: fake.publicKey, signature: String(headers['x-twilio-email-event-webhook-signature']), timestamp: String(headers['x-twilio-email-event-webhook-timestamp']) };
      expect(signed.timestamp).toMatch(/^\d{10}$/);
      expect(verifySendgridSignature({ ...signed, rawBody: body })).toBe(true);
      expect(verifySendgridSignature({ ...signed, rawBody: Buffer.from(JSON.stringify(JSON.parse(body.toString('utf8')))) })).toBe(false);

      // Events carry the mail's custom args flattened, and the X-Message-Id as sg_message_id's first part.
      const parsed = JSON.parse(body.toString('utf8')) as Array<Record<string, unknown>>;
      expect(parsed[1]).toMatchObject({ event: 'open', email: 'lead@example.com', emailId: 'email_1', tenantId: 'tenant_1' });
      expect(String(parsed[1]!.sg_message_id).split('.')[0]).toBe(response.headers['x-message-id']);
      expect(toEngagementEvent(parsed[1])).toMatchObject({ type: 'open', sgEventId: parsed[1]!.sg_event_id });

      const fixed = fake.sign('[]\r\n', '1700000000');
      expect(fixed.timestamp).toBe('1700000000');
      expect(verifySendgridSignature({ publicKey: fake.publicKey, ...fixed, rawBody: Buffer.from('[]\r\n') })).toBe(true);
    } finally {
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
      await fake.close();
    }
  });
});
