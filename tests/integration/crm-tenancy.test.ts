/**
 * Workspace B against workspace A's contacts, tasks, emails, drafts and web forms: every
 * id-taking procedure of the CRM routers answers NOT_FOUND exactly as for an unknown id and
 * changes nothing of A's. (SendGrid events naming another workspace's email: sendgrid-webhook.test.ts.)
 */
import { idTakingProcedures, itRefusesForeignIds, type CrossTenantCall } from '../support/tenancy.ts';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLead } from '../support/crm.ts';
import { createWorkspace } from '../support/factories.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.stop());

const twoWorkspaces = async () => {
  const a = await createWorkspace(app.url, 'Tenant A');
  const contact = await createLead(a.admin, { name: 'Private to A' });
  const task = (await a.admin.http.task.list.query({ view: 'all', contactId: contact.id })).items[0]!;
  const email = await a.admin.http.email.send.mutate({ contactId: contact.id, subject: 'A only', html: '<p>secret</p>' });
  await app.deps.queue.whenIdle();
  const { id: draftId } = await app.deps.db.emailDraft.create({ data: { tenantId: a.tenantId, contactId: contact.id, requestedById: a.me.user.id, status: 'READY', subject: 'A draft', html: '<p>x</p>' } });
  const { form } = await a.admin.http.webForm.create.mutate({ name: 'A form' });
  const b = await createWorkspace(app.url, 'Tenant B');
  const bContact = await createLead(b.admin, { name: 'B lead' });
  const bTask = (await b.admin.http.task.list.query({ view: 'all', contactId: bContact.id })).items[0]!;
  return { a, b, contact, task, email, draftId, form, bContact, bTask, aMember: a.me.user.id };
};
type World = Awaited<ReturnType<typeof twoWorkspaces>>;

const snapshotOfA = async ({ a }: World) => {
  const db = app.deps.db;
  const where = { tenantId: a.tenantId };
  const [contacts, tasks, emails, drafts, forms, stages, events] = await Promise.all([
    db.contact.findMany({ where, orderBy: { id: 'asc' } }),
    db.task.findMany({ where, orderBy: { id: 'asc' } }),
    db.email.findMany({ where, orderBy: { id: 'asc' } }),
    db.emailDraft.findMany({ where, orderBy: { id: 'asc' } }),
    db.webForm.findMany({ where, orderBy: { id: 'asc' } }),
    db.contactStageChange.findMany({ where, orderBy: { id: 'asc' } }),
    db.event.count({ where }),
  ]);
  return { contacts, tasks, emails, drafts, forms, stages, events };
};

const soon = () => new Date(Date.now() + 86_400_000).toISOString();

const calls: Record<string, CrossTenantCall<World>> = {
  'contact.get': (b, w, id = w.contact.id) => b.http.contact.get.query({ contactId: id }),
  'contact.create (A’s member as owner)': (b, _w, id = _w.aMember) => b.http.contact.create.mutate({ name: 'x', ownerId: id }),
  'contact.update': (b, w, id = w.contact.id) => b.http.contact.update.mutate({ contactId: id, name: 'Hijacked' }),
  'contact.update (A’s member as owner)': (b, w, id = w.aMember) => b.http.contact.update.mutate({ contactId: w.bContact.id, ownerId: id }),
  'contact.setStage': (b, w, id = w.contact.id) => b.http.contact.setStage.mutate({ contactId: id, stage: 'LOST' }),
  'contact.delete': (b, w, id = w.contact.id) => b.http.contact.delete.mutate({ contactId: id }),
  'contact.timeline': (b, w, id = w.contact.id) => b.http.contact.timeline.query({ contactId: id }),
  'webForm.create (A’s member as owner)': (b, w, id = w.aMember) => b.http.webForm.create.mutate({ name: 'x', ownerId: id }),
  'webForm.update': (b, w, id = w.form.id) => b.http.webForm.update.mutate({ formId: id, name: 'Hijacked' }),
  'webForm.rotateSecret': (b, w, id = w.form.id) => b.http.webForm.rotateSecret.mutate({ formId: id }),
  'webForm.delete': (b, w, id = w.form.id) => b.http.webForm.delete.mutate({ formId: id }),
  'task.list': (b, w, id = w.contact.id) => b.http.task.list.query({ view: 'all', contactId: id }),
  'task.create': (b, w, id = w.contact.id) => b.http.task.create.mutate({ contactId: id, title: 'x', dueAt: soon() }),
  'task.create (A’s member as assignee)': (b, w, id = w.aMember) => b.http.task.create.mutate({ contactId: w.bContact.id, title: 'x', dueAt: soon(), assigneeId: id }),
  'task.complete': (b, w, id = w.task.id) => b.http.task.complete.mutate({ taskId: id }),
  'task.skip': (b, w, id = w.task.id) => b.http.task.skip.mutate({ taskId: id }),
  'task.snooze': (b, w, id = w.task.id) => b.http.task.snooze.mutate({ taskId: id, until: soon() }),
  'task.reassign': (b, w, id = w.task.id) => b.http.task.reassign.mutate({ taskId: id, assigneeId: w.b.me.user.id }),
  'task.reassign (to A’s member)': (b, w, id = w.aMember) => b.http.task.reassign.mutate({ taskId: w.bTask.id, assigneeId: id }),
  'task.reopen': (b, w, id = w.task.id) => b.http.task.reopen.mutate({ taskId: id }),
  'email.draft': (b, w, id = w.contact.id) => b.http.email.draft.mutate({ contactId: id }),
  'email.draft (A’s task)': (b, w, id = w.task.id) => b.http.email.draft.mutate({ contactId: w.bContact.id, taskId: id }),
  'email.getDraft': (b, w, id = w.draftId) => b.http.email.getDraft.query({ draftId: id }),
  'email.send': (b, w, id = w.contact.id) => b.http.email.send.mutate({ contactId: id, subject: 'x', html: '<p>x</p>' }),
  'email.send (A’s task)': (b, w, id = w.task.id) => b.http.email.send.mutate({ contactId: w.bContact.id, taskId: id, subject: 'x', html: '<p>x</p>' }),
  'email.send (A’s draft)': (b, w, id = w.draftId) => b.http.email.send.mutate({ contactId: w.bContact.id, draftId: id, subject: 'x', html: '<p>x</p>' }),
  'email.retry': (b, w, id = w.email.id) => b.http.email.retry.mutate({ emailId: id }),
  'email.get': (b, w, id = w.email.id) => b.http.email.get.query({ emailId: id }),
  'email.list': (b, w, id = w.contact.id) => b.http.email.list.query({ contactId: id }),
};

/** Ids the client makes up (idempotency keys), not references to rows: covered by their own test below. */
const CLIENT_IDS = ['clientEmailId'];

describe('cross-tenant ids (contacts, tasks, emails, web forms)', () => {
  it('covers every CRM procedure whose input carries an id', () => {
    const takingIds = idTakingProcedures((path) => ['contact', 'webForm', 'task', 'email'].includes(path.split('.')[0]!), CLIENT_IDS);
    const covered = new Set(Object.keys(calls).map((name) => name.split(' ')[0]!));
    expect(new Set(takingIds)).toEqual(covered);
  });

  itRefusesForeignIds(calls, twoWorkspaces, snapshotOfA);

  it('never lists another workspace’s contacts, tasks, emails, forms or tags; never exports them', async () => {
    const world = await twoWorkspaces();
    const b = world.b.admin.http;
    for (const input of [{}, { search: 'Private to A' }, { owner: world.aMember }, { stage: 'NEW' as const }]) {
      const { items, total } = await b.contact.list.query(input);
      expect(items.map((c) => c.id)).not.toContain(world.contact.id);
      expect(total).toBe(items.length);
    }
    expect((await b.contact.export.query({})).csv).not.toContain('Private to A');
    for (const view of ['mine', 'today', 'overdue', 'all'] as const) {
      const { items } = await b.task.list.query({ view, assignee: view === 'mine' ? undefined : 'anyone' });
      expect(items.map((t) => t.id)).not.toContain(world.task.id);
    }
    expect((await b.task.list.query({ view: 'all', assignee: world.aMember })).total).toBe(0);
    expect((await b.email.list.query({})).items.map((e) => e.id)).not.toContain(world.email.id);
    expect((await b.email.outbox.query({})).items.map((e) => e.id)).not.toContain(world.email.id);
    expect((await b.webForm.list.query()).map((f) => f.id)).not.toContain(world.form.id);
  });

  it('a client email id already used by another workspace makes B its own email, never A’s', async () => {
    const world = await twoWorkspaces();
    const clientEmailId = randomUUID();
    const mine = await world.a.admin.http.email.send.mutate({ contactId: world.contact.id, subject: 'A', html: '<p>a</p>', clientEmailId });
    const theirs = await world.b.admin.http.email.send.mutate({ contactId: world.bContact.id, subject: 'B', html: '<p>b</p>', clientEmailId });
    expect(theirs.id).not.toBe(mine.id);
    expect(theirs.contactId).toBe(world.bContact.id);
  });
});
