import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSendgrid, type FakeSendgrid } from '../../server/dev/fake-sendgrid-server.ts';
import { reconcileEmails } from '../../server/email/reconcile-emails.ts';
import { addMember, createWorkspace, refusalOf, watchEvents } from '../support/factories.ts';
import { connectSendgrid, createLead } from '../support/crm.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
let sendgrid: FakeSendgrid;
beforeAll(async () => {
  sendgrid = await startFakeSendgrid();
  app = await startTestApp({ env: { SENDGRID_BASE_URL: sendgrid.url } });
});
afterAll(async () => {
  await app.stop();
  await sendgrid.close();
});

const workspace = async () => {
  const ws = await createWorkspace(app.url, 'Acme');
  await ws.admin.http.team.updateProfile.mutate({ name: 'Sam Seller', title: 'Account Executive', phone: '+14155550100', emailSignature: 'Sam Seller\nAcme' });
  await connectSendgrid(ws.admin, sendgrid);
  const lead = await createLead(ws.admin);
  const tasks = await ws.admin.http.task.list.query({ view: 'all', contactId: lead.id });
  return { ...ws, lead, task: tasks.items[0]! };
};

const sentTo = (to: string) => sendgrid.sent.filter((m) => m.body.personalizations?.[0]?.to?.[0]?.email === to);

describe('sending an email from a task', () => {
  it('sends through @sendgrid/mail from the agent at the verified sender, with custom args, and completes the task with it', async () => {
    const { admin, me, lead, task, tenantId } = await workspace();
    const stream = watchEvents(admin);
    const queued = await admin.http.email.send.mutate({ contactId: lead.id, taskId: task.id, subject: 'Hello Lee', html: '<p>Hi <strong>Lee</strong><script>x()</script></p>' });
    expect(queued).toMatchObject({ status: 'QUEUED', fromName: 'Sam Seller', fromAddress: 'sales@acme.test', to: lead.email, html: '<p>Hi <strong>Lee</strong></p>', text: 'Hi Lee' });

    const done = await stream.next((e) => e.type === 'task.updated' && e.payload.task.id === task.id);
    if (done.type !== 'task.updated') throw new Error('unreachable');
    expect(done.payload.task).toMatchObject({ status: 'DONE', emailId: queued.id, completedBy: { id: me.user.id, name: 'Sam Seller' } });
    const email = await admin.http.email.get.query({ emailId: queued.id });
    expect(email).toMatchObject({ status: 'SENT', outbox: false, attempts: 1, error: null });
    expect(email.sentAt).not.toBeNull();
    expect(done.payload.task.completedAt).toBe(email.sentAt);

    const [mail] = sentTo(lead.email!);
    expect(mail!.body).toMatchObject({
      from: { email: 'sales@acme.test', name: 'Sam Seller' },
      subject: 'Hello Lee',
      custom_args: { emailId: queued.id, tenantId },
    });
    expect(mail!.body.content).toEqual([
      { type: 'text/plain', value: 'Hi Lee' },
      { type: 'text/html', value: '<p>Hi <strong>Lee</strong></p>' },
    ]);
    expect(email.providerMessageId).toBe(mail!.messageId);
    // The lead was contacted.
    expect((await admin.http.contact.get.query({ contactId: lead.id })).stage).toBe('CONTACTED');
  });

  it('retries a 5xx and then completes the task once', async () => {
    const { admin, lead, task } = await workspace();
    const stream = watchEvents(admin);
    sendgrid.failNext(503, 2);
    const queued = await admin.http.email.send.mutate({ contactId: lead.id, taskId: task.id, subject: 'Retry me', html: '<p>Hi</p>' });
    await stream.next((e) => e.type === 'email.updated' && e.payload.email.id === queued.id && e.payload.email.status === 'SENT');
    await app.deps.queue.whenIdle();
    const email = await admin.http.email.get.query({ emailId: queued.id });
    expect(email).toMatchObject({ status: 'SENT', attempts: 3, error: null });
    expect(sentTo(lead.email!)).toHaveLength(1);
    const taskEvents = stream.events().filter((e) => e.type === 'task.updated' && e.payload.task.id === task.id);
    expect(taskEvents).toHaveLength(1);
    // While retrying, the email said so.
    expect(stream.events().some((e) => e.type === 'email.updated' && e.payload.email.id === queued.id && e.payload.email.error?.startsWith('Retrying'))).toBe(true);
    expect((await app.deps.db.task.findUniqueOrThrow({ where: { id: task.id } })).emailId).toBe(queued.id);
  });

  it('fails visibly on a 4xx and leaves the task open', async () => {
    const { admin, lead, task } = await workspace();
    const stream = watchEvents(admin);
    sendgrid.failNext(400, 1);
    const queued = await admin.http.email.send.mutate({ contactId: lead.id, taskId: task.id, subject: 'Refused', html: '<p>Hi</p>' });
    const failed = await stream.next((e) => e.type === 'email.updated' && e.payload.email.id === queued.id && e.payload.email.status === 'FAILED');
    if (failed.type !== 'email.updated') throw new Error('unreachable');
    expect(failed.payload.email.error).toContain('content');
    expect(failed.payload.email.attempts).toBe(1);
    await app.deps.queue.whenIdle();
    const after = await app.deps.db.task.findUniqueOrThrow({ where: { id: task.id } });
    expect(after).toMatchObject({ status: 'OPEN', emailId: null, completedAt: null });
    expect(stream.events().some((e) => e.type === 'task.updated')).toBe(false);
    expect(sentTo(lead.email!)).toHaveLength(0);
    // The task can still be sent from, and then completes.
    const second = await admin.http.email.send.mutate({ contactId: lead.id, taskId: task.id, subject: 'Again', html: '<p>Hi</p>' });
    await stream.next((e) => e.type === 'task.updated' && e.payload.task.emailId === second.id);
  });

  it('a failed email can be sent again as the same email, and then completes its task', async () => {
    const { admin, lead, task } = await workspace();
    const stream = watchEvents(admin);
    sendgrid.failNext(403, 1);
    const queued = await admin.http.email.send.mutate({ contactId: lead.id, taskId: task.id, subject: 'Forbidden first', html: '<p>Hi</p>' });
    await stream.next((e) => e.type === 'email.updated' && e.payload.email.id === queued.id && e.payload.email.status === 'FAILED');
    expect((await refusalOf(admin.http.email.retry.mutate({ emailId: (await createLead(admin)).id }))).code).toBe('NOT_FOUND');
    const retried = await admin.http.email.retry.mutate({ emailId: queued.id });
    expect(retried).toMatchObject({ id: queued.id, status: 'QUEUED', error: null });
    await stream.next((e) => e.type === 'task.updated' && e.payload.task.emailId === queued.id);
    expect((await admin.http.email.get.query({ emailId: queued.id })).status).toBe('SENT');
    expect((await refusalOf(admin.http.email.retry.mutate({ emailId: queued.id }))).code).toBe('PRECONDITION_FAILED');
  });

  it('an email whose send job was lost is sent by the start-up reconciler', async () => {
    const { admin, lead, tenantId, me } = await workspace();
    // Written QUEUED as the service does, but its enqueue never happened (Redis flushed, crash).
    const row = await app.deps.db.email.create({
      data: { tenantId, contactId: lead.id, senderUserId: me.user.id, fromName: 'Sam Seller', fromAddress: 'sales@acme.test', to: lead.email!, subject: 'Lost job', html: '<p>x</p>', text: 'x' },
    });
    const stream = watchEvents(admin);
    // Scoped to this workspace: parallel test files' emails belong to their own apps.
    await reconcileEmails(app.deps, tenantId);
    await stream.next((e) => e.type === 'email.updated' && e.payload.email.id === row.id && e.payload.email.status === 'SENT');
    expect(sentTo(lead.email!)).toHaveLength(1);
  });

  it('a retried request with the same client id creates one email', async () => {
    const { admin, lead } = await workspace();
    const clientEmailId = crypto.randomUUID();
    const input = { contactId: lead.id, subject: 'Once', html: '<p>Hi</p>', clientEmailId };
    const [a, b] = await Promise.all([admin.http.email.send.mutate(input), admin.http.email.send.mutate(input)]);
    expect(a.id).toBe(b.id);
    await app.deps.queue.whenIdle();
    expect(sentTo(lead.email!)).toHaveLength(1);
  });

  it('refuses to send to a do-not-email contact, with the reason', async () => {
    const { admin, lead } = await workspace();
    await admin.http.contact.update.mutate({ contactId: lead.id, doNotEmail: true, doNotEmailReason: 'Asked by phone' });
    const refusal = await refusalOf(admin.http.email.send.mutate({ contactId: lead.id, subject: 'x', html: '<p>x</p>' }));
    expect(refusal.code).toBe('PRECONDITION_FAILED');
    expect(refusal.message).toContain('do-not-email (Asked by phone)');
    // A composer opened from the task list can say why too.
    const [task] = (await admin.http.task.list.query({ view: 'all', contactId: lead.id })).items;
    expect(task!.contact).toMatchObject({ doNotEmail: true, doNotEmailReason: 'Asked by phone' });
  });

  it('refuses a task of another contact and a closed task', async () => {
    const { admin, lead, task } = await workspace();
    const other = await createLead(admin);
    expect((await refusalOf(admin.http.email.send.mutate({ contactId: other.id, taskId: task.id, subject: 'x', html: '<p>x</p>' }))).code).toBe('NOT_FOUND');
    await admin.http.task.skip.mutate({ taskId: task.id });
    expect((await refusalOf(admin.http.email.send.mutate({ contactId: lead.id, taskId: task.id, subject: 'x', html: '<p>x</p>' }))).code).toBe('PRECONDITION_FAILED');
  });
});

describe('without a SendGrid key', () => {
  it('sends to the dev outbox, clearly marked, and still completes the task', async () => {
    const ws = await createWorkspace(app.url, 'No key');
    expect(await ws.admin.http.email.settings.query()).toMatchObject({ mode: 'outbox', apiKeySet: false });
    const lead = await createLead(ws.admin);
    const task = (await ws.admin.http.task.list.query({ view: 'all', contactId: lead.id })).items[0]!;
    const stream = watchEvents(ws.admin);
    const queued = await ws.admin.http.email.send.mutate({ contactId: lead.id, taskId: task.id, subject: 'Outbox', html: '<p>Hi</p>' });
    await stream.next((e) => e.type === 'task.updated' && e.payload.task.emailId === queued.id);
    const outbox = await ws.admin.http.email.outbox.query({});
    expect(outbox.total).toBe(1);
    expect(outbox.items[0]).toMatchObject({ id: queued.id, outbox: true, status: 'SENT', providerMessageId: null });
    expect(sentTo(lead.email!)).toHaveLength(0);
  });
});

describe('email settings', () => {
  it('keeps the API key secret, accepts the verification key as SendGrid shows it or as PEM, and refuses anything else', async () => {
    const ws = await createWorkspace(app.url);
    const pem = `-----BEGIN PUBLIC KEY-----\n${sendgrid.publicKey.match(/.{1,64}/g)!.join('\n')}\n-----END PUBLIC KEY-----\n`;
    const settings = await ws.admin.http.email.updateSettings.mutate({ fromAddress: 'Sales@Acme.test', apiKey: 'SG.very-secret-key', webhookPublicKey: pem });
    expect(settings).toMatchObject({ mode: 'sendgrid', fromAddress: 'sales@acme.test', apiKeySet: true, webhookPublicKey: sendgrid.publicKey, globalWebhookKey: false });
    expect(settings.webhookUrl).toBe(`${app.url}/webhooks/sendgrid`);
    expect(JSON.stringify(await ws.admin.http.email.settings.query())).not.toContain('very-secret-key');
    const stored = await app.deps.db.crmSettings.findUniqueOrThrow({ where: { tenantId: ws.tenantId } });
    expect(stored.sendgridApiKey).not.toContain('very-secret-key');
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
    for (const webhookPublicKey of [rsa, 'not a key at all, just some text here that is long enough']) {
      expect((await refusalOf(ws.admin.http.email.updateSettings.mutate({ webhookPublicKey }))).code).toBe('BAD_REQUEST');
    }
    // null removes the key: back to the dev outbox.
    expect(await ws.admin.http.email.updateSettings.mutate({ apiKey: null })).toMatchObject({ mode: 'outbox', apiKeySet: false });
  });

  it('refuses to send through SendGrid before a verified sender is set', async () => {
    const ws = await createWorkspace(app.url);
    await ws.admin.http.email.updateSettings.mutate({ apiKey: 'SG.key-without-sender' });
    const lead = await createLead(ws.admin);
    const refusal = await refusalOf(ws.admin.http.email.send.mutate({ contactId: lead.id, subject: 'x', html: '<p>x</p>' }));
    expect(refusal.code).toBe('PRECONDITION_FAILED');
    expect(refusal.message).toContain('verified sender');
  });

  it('is changed by admins only', async () => {
    const ws = await createWorkspace(app.url);
    const { member } = await addMember(app.url, ws.admin, 'SUPERVISOR');
    expect((await refusalOf(member.http.email.updateSettings.mutate({ fromName: 'x' }))).code).toBe('FORBIDDEN');
    expect((await member.http.email.settings.query()).mode).toBe('outbox');
  });
});
