import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inboundTextPayload, postSigned } from '../../server/dev/cloud-webhook-builder.ts';
import { startFakeGraph, type FakeGraph } from '../../server/dev/fake-graph-server.ts';
import { startFakeOpenAi, type FakeOpenAi } from '../../server/dev/fake-openai-server.ts';
import { createLead } from '../support/crm.ts';
import { createWorkspace, refusalOf, watchEvents } from '../support/factories.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { connectCloudChannel, randomPhone } from '../support/whatsapp.ts';

let app: TestApp;
let offline: TestApp;
let openai: FakeOpenAi;
let graph: FakeGraph;
beforeAll(async () => {
  [openai, graph] = await Promise.all([startFakeOpenAi(), startFakeGraph()]);
  [app, offline] = await Promise.all([startTestApp({ env: { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: openai.url } }), startTestApp()]);
});
afterAll(async () => {
  await Promise.all([app.stop(), offline.stop(), openai.stop(), graph.stop()]);
});

describe('AI email drafts', () => {
  it('returns at once and delivers the draft live, written from the contact, its conversation and my profile', async () => {
    const { admin } = await createWorkspace(app.url, 'Sofa World');
    await admin.http.team.updateProfile.mutate({ name: 'Sam Seller', title: 'Sales Lead', phone: '+14155550100', emailSignature: 'Sam Seller\nSofa World' });
    const { target } = await connectCloudChannel(admin, { appUrl: app.url, graphUrl: graph.url });
    const phone = randomPhone();
    await postSigned(target, inboundTextPayload(target, [{ from: phone, name: 'Carla Customer', body: 'Do you deliver the green velvet sofa?' }]));
    const [contact] = (await admin.http.contact.list.query({})).items;
    await admin.http.contact.update.mutate({ contactId: contact!.id, email: 'carla@example.com', company: 'Carla Co' });
    const task = await admin.http.task.create.mutate({ contactId: contact!.id, title: 'Send the delivery options', dueAt: new Date().toISOString() });

    openai.script({ kind: 'tool', name: 'write_email', args: { subject: 'Delivery of your velvet sofa', body: 'Hi Carla,\n\nYes, we deliver <everywhere> in two days.\n\nBest regards,' } });
    const stream = watchEvents(admin);
    const started = await admin.http.email.draft.mutate({ contactId: contact!.id, taskId: task.id, instructions: 'Mention free delivery' });
    expect(started).toMatchObject({ ai: 'online', draft: { status: 'PENDING', taskId: task.id } });
    const ready = await stream.next((e) => e.type === 'email.draft_updated' && e.payload.draft.status === 'READY');
    if (ready.type !== 'email.draft_updated') throw new Error('unreachable');
    expect(ready.payload.draft).toMatchObject({
      id: started.draft!.id,
      subject: 'Delivery of your velvet sofa',
      html: '<p>Hi Carla,</p><p>Yes, we deliver &lt;everywhere&gt; in two days.</p><p>Best regards,</p><p>Sam Seller<br />Sofa World</p>',
    });
    expect(await admin.http.email.getDraft.query({ draftId: started.draft!.id })).toEqual(ready.payload.draft);

    const request = openai.requests.at(-1)! as typeof openai.requests[number] & { tool_choice?: unknown };
    expect(request.tools?.map((t) => t.function.name)).toEqual(['write_email']);
    expect(request.tool_choice).toEqual({ type: 'function', function: { name: 'write_email' } });
    const prompt = request.messages.map((m) => m.content).join('\n');
    for (const part of ['Sam Seller, Sales Lead at Sofa World', 'Sender phone: +14155550100', 'Contact name: Carla Customer', 'Contact company: Carla Co', 'Customer: Do you deliver the green velvet sofa?', 'Follow-up task: Send the delivery options', 'The sender asks: Mention free delivery']) {
      expect(prompt).toContain(part);
    }
  });

  it('marks the draft FAILED after the AI keeps failing, so the editor stops waiting', async () => {
    const { admin } = await createWorkspace(app.url);
    const lead = await createLead(admin, { createTasks: false });
    openai.script(...Array.from({ length: 12 }, () => ({ kind: 'error' as const, status: 500, message: 'boom' })));
    const stream = watchEvents(admin, '0', { waitMs: 60_000 });
    const { draft } = await admin.http.email.draft.mutate({ contactId: lead.id });
    const failed = await stream.next((e) => e.type === 'email.draft_updated' && e.payload.draft.status === 'FAILED');
    if (failed.type !== 'email.draft_updated') throw new Error('unreachable');
    expect(failed.payload.draft).toMatchObject({ id: draft!.id, error: expect.stringContaining('could not write a draft') });
    openai.setFallback({ kind: 'text', text: 'Happy to help!' });
  });

  it('says the AI is offline without an OpenAI key, and starts nothing', async () => {
    const { admin } = await createWorkspace(offline.url);
    const lead = await createLead(admin, { createTasks: false });
    expect(await admin.http.email.draft.mutate({ contactId: lead.id })).toEqual({ ai: 'offline', draft: null });
    expect(await offline.deps.db.emailDraft.count({ where: { contactId: lead.id } })).toBe(0);
  });

  it('refuses a contact without an email address', async () => {
    const { admin } = await createWorkspace(app.url);
    const lead = await createLead(admin, { email: undefined, phone: randomPhone(), createTasks: false });
    expect((await refusalOf(admin.http.email.draft.mutate({ contactId: lead.id }))).code).toBe('PRECONDITION_FAILED');
  });
});
