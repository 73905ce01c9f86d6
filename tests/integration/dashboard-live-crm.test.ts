/**
 * The live email/task panel moves by push: an email sent through (fake) SendGrid, its signed
 * open and bounce events, and a task going overdue and being completed each change a number on a
 * supervisor's open subscription, with no refetch.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendgridEventFor, startFakeSendgrid, type FakeSendgrid } from '../../server/dev/fake-sendgrid-server.ts';
import { connectSendgrid, createLead } from '../support/crm.ts';
import { watchLiveDashboard } from '../support/dashboard.ts';
import { addMember, createWorkspace, watchEvents } from '../support/factories.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
let sendgrid: FakeSendgrid;
beforeAll(async () => {
  sendgrid = await startFakeSendgrid();
  app = await startTestApp({ env: { SENDGRID_BASE_URL: sendgrid.url } });
});
afterAll(async () => {
  await app?.stop();
  await sendgrid?.close();
});

describe('dashboard.live: email and tasks today', () => {
  it('pushes a new number when an email is sent, opened and bounced, and when a task goes overdue and is done', async () => {
    const { admin } = await createWorkspace(app.url);
    const sue = await addMember(app.url, admin, 'SUPERVISOR', 'Sue Supervisor');
    await connectSendgrid(admin, sendgrid);
    const lead = await createLead(admin);
    const live = watchLiveDashboard(sue.member);
    const first = await live.until(() => true);
    expect(first.crm).toMatchObject({ emailsSent: 0, emailsOpened: 0, emailsBounced: 0 });

    const stream = watchEvents(admin);
    const email = await admin.http.email.send.mutate({ contactId: lead.id, subject: 'Hello', html: '<p>Hi</p>' });
    await stream.next((e) => e.type === 'email.updated' && e.payload.email.id === email.id && e.payload.email.status === 'SENT');
    await live.until((s) => s.crm.emailsSent === 1, 'sent after the send');

    const mail = sendgrid.sent.find((m) => m.body.custom_args?.emailId === email.id)!;
    const hook = `${app.url}/webhooks/sendgrid`;
    expect((await sendgrid.signAndPost(hook, [sendgridEventFor(mail, 'open')])).status).toBe(200);
    const opened = await live.until((s) => s.crm.emailsOpened === 1, 'opened after an open event');
    expect(opened.crm.emailsBounced).toBe(0);
    expect((await sendgrid.signAndPost(hook, [sendgridEventFor(mail, 'bounce', { reason: '550 no such user', type: 'bounce' })])).status).toBe(200);
    const bounced = await live.until((s) => s.crm.emailsBounced === 1, 'bounced after a bounce event');
    expect(bounced.crm).toMatchObject({ emailsSent: 1, emailsOpened: 1 });

    // A task due yesterday is overdue (the task lists' definition); completing it takes it off.
    const midnight = new Date(new Date().toISOString().slice(0, 10) + 'T00:00:00Z').getTime();
    const before = bounced.crm.tasksOverdue;
    const task = await admin.http.task.create.mutate({ contactId: lead.id, title: 'Call back', dueAt: new Date(midnight - 3_600_000).toISOString() });
    await live.until((s) => s.crm.tasksOverdue === before + 1, 'overdue after a task due yesterday');
    await admin.http.task.complete.mutate({ taskId: task.id });
    const done = await live.until((s) => s.crm.tasksOverdue === before, 'overdue after completing it');
    expect(done.crm.emailsSent).toBe(1);
  });
});
