import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inboundTextPayload, postSigned } from '../../server/dev/cloud-webhook-builder.ts';
import { startFakeGraph, type FakeGraph } from '../../server/dev/fake-graph-server.ts';
import { addMember, createWorkspace, refusalOf, watchEvents } from '../support/factories.ts';
import { createLead, leadEmail } from '../support/crm.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { connectCloudChannel, randomPhone } from '../support/whatsapp.ts';

let app: TestApp;
let graph: FakeGraph;
beforeAll(async () => {
  [app, graph] = await Promise.all([startTestApp(), startFakeGraph()]);
});
afterAll(async () => {
  await Promise.all([app.stop(), graph.stop()]);
});

describe('contacts', () => {
  it('creating a lead creates its owner-assigned cadence tasks in the same transaction, and its first stage', async () => {
    const { admin, me } = await createWorkspace(app.url);
    const stream = watchEvents(admin);
    const lead = await createLead(admin, { phone: '+1 (415) 555-0101', tags: ['vip', 'vip', ' spring '] });
    expect(lead).toMatchObject({ source: 'MANUAL', stage: 'NEW', ownerId: me.user.id, owner: { id: me.user.id, name: 'Ada Admin' }, phone: '+14155550101', tags: ['vip', 'spring'] });
    const seen = await stream.until((events) => events.filter((e) => e.type === 'task.created').length === 5);
    // One transaction: the contact and its tasks carry consecutive sequence numbers.
    const mine = seen.filter((e) => e.type === 'contact.created' || e.type === 'task.created');
    expect(mine.map((e) => e.seq)).toEqual(mine.map((_, i) => mine[0]!.seq + i));
    const tasks = await admin.http.task.list.query({ view: 'all', contactId: lead.id });
    expect(tasks.items.map((t) => [t.cadenceStep, t.title, t.assigneeId])).toEqual([
      [1, 'Introduce yourself', me.user.id],
      [2, 'Follow up', me.user.id],
      [3, 'Check in', me.user.id],
      [4, 'Share something useful', me.user.id],
      [5, 'Last follow-up', me.user.id],
    ]);
    const created = Date.parse(lead.createdAt);
    const days = tasks.items.map((t) => Math.round((Date.parse(t.dueAt) - created) / 86_400_000));
    expect(days).toEqual([0, 2, 5, 10, 20]);
    const timeline = await admin.http.contact.timeline.query({ contactId: lead.id });
    expect(timeline.items.filter((i) => i.kind === 'stage_change').map((i) => i.kind === 'stage_change' && [i.change.from, i.change.to])).toEqual([[null, 'NEW']]);
  });

  it('refuses a second contact with the same email or phone, a bad phone, and an unknown owner', async () => {
    const { admin } = await createWorkspace(app.url);
    const lead = await createLead(admin, { phone: '+14155550102' });
    expect((await refusalOf(createLead(admin, { email: lead.email!.toUpperCase() }))).code).toBe('CONFLICT');
    expect((await refusalOf(createLead(admin, { phone: '0014155550102' }))).code).toBe('CONFLICT');
    expect((await refusalOf(createLead(admin, { phone: 'call me' }))).code).toBe('BAD_REQUEST');
    expect((await refusalOf(createLead(admin, { ownerId: crypto.randomUUID() }))).code).toBe('NOT_FOUND');
    expect((await refusalOf(admin.http.contact.create.mutate({ name: '' }))).fieldErrors).toMatchObject({ name: ['Give at least a name, an email or a phone'] });
    const other = await createLead(admin);
    expect((await refusalOf(admin.http.contact.update.mutate({ contactId: other.id, email: lead.email }))).code).toBe('CONFLICT');
  });

  it('records stage changes for the timeline, live', async () => {
    const { admin, me } = await createWorkspace(app.url);
    const lead = await createLead(admin);
    const stream = watchEvents(admin);
    await admin.http.contact.setStage.mutate({ contactId: lead.id, stage: 'QUALIFIED' });
    const updated = await admin.http.contact.update.mutate({ contactId: lead.id, stage: 'WON', notes: 'Signed' });
    expect(updated).toMatchObject({ stage: 'WON', notes: 'Signed' });
    // Setting the same stage again records nothing.
    await admin.http.contact.setStage.mutate({ contactId: lead.id, stage: 'WON' });
    const changes = (await stream.until((e) => e.filter((x) => x.type === 'contact.stage_changed').length === 2)).flatMap((e) =>
      e.type === 'contact.stage_changed' ? [[e.payload.change.from, e.payload.change.to, e.payload.change.actor?.id]] : [],
    );
    expect(changes).toEqual([
      ['NEW', 'QUALIFIED', me.user.id],
      ['QUALIFIED', 'WON', me.user.id],
    ]);
    expect(await app.deps.db.contactStageChange.count({ where: { contactId: lead.id } })).toBe(3);
  });

  it('lists with filters, search and cursor pages carrying the real total', async () => {
    const { admin } = await createWorkspace(app.url);
    const { me: agent } = await addMember(app.url, admin, 'AGENT', 'Ann Agent');
    for (let i = 0; i < 7; i++) await createLead(admin, { name: `Page ${i}`, company: i % 2 ? 'Odd Co' : 'Even Co', tags: i < 3 ? ['hot'] : [], createTasks: false });
    await createLead(admin, { name: 'Zed Won', stage: 'WON', ownerId: agent.user.id, phone: '+33612345678', createTasks: false });
    const q = admin.http.contact.list.query;
    expect((await q({ stage: 'WON' })).items.map((c) => c.name)).toEqual(['Zed Won']);
    expect((await q({ owner: agent.user.id })).total).toBe(1);
    expect((await q({ owner: 'me' })).total).toBe(7);
    expect((await q({ tag: 'hot' })).total).toBe(3);
    expect((await q({ search: 'odd co' })).total).toBe(3);
    expect((await q({ search: '612345' })).items.map((c) => c.name)).toEqual(['Zed Won']);
    expect((await q({ doNotEmail: true })).total).toBe(0);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof q>> = await q({ limit: 3, cursor });
      expect(page.total).toBe(8);
      seen.push(...page.items.map((c) => c.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['Zed Won', 'Page 6', 'Page 5', 'Page 4', 'Page 3', 'Page 2', 'Page 1', 'Page 0']);
    expect(await admin.http.contact.tags.query()).toEqual(['hot']);
  });

  it('a WhatsApp contact is the same record: editable, its conversation on its timeline, its phone kept', async () => {
    const { admin } = await createWorkspace(app.url);
    const { target } = await connectCloudChannel(admin, { appUrl: app.url, graphUrl: graph.url });
    const phone = randomPhone();
    const stream = watchEvents(admin);
    await postSigned(target, inboundTextPayload(target, [{ from: phone, name: 'Wendy WhatsApp', body: 'Is the sofa in stock?' }]));
    const [contact] = (await admin.http.contact.list.query({ source: 'WHATSAPP' })).items;
    expect(contact).toMatchObject({ name: 'Wendy WhatsApp', phone, source: 'WHATSAPP', email: null });
    // Open contact lists learn of it live, before its first message.
    const created = await stream.next((e) => e.type === 'contact.created');
    expect(created.type === 'contact.created' && created.payload.contact).toMatchObject({ id: contact!.id, stage: 'NEW' });
    expect(stream.events().findIndex((e) => e.type === 'contact.created')).toBeLessThan(stream.events().findIndex((e) => e.type === 'message.created'));
    const updated = await admin.http.contact.update.mutate({ contactId: contact!.id, email: 'wendy@example.com', company: 'W Ltd', tags: ['whatsapp'] });
    expect(updated).toMatchObject({ email: 'wendy@example.com', phone });
    expect((await refusalOf(admin.http.contact.update.mutate({ contactId: contact!.id, phone: null }))).code).toBe('PRECONDITION_FAILED');
    expect((await refusalOf(admin.http.contact.delete.mutate({ contactId: contact!.id }))).code).toBe('PRECONDITION_FAILED');
    // A second message still finds the same contact.
    await postSigned(target, inboundTextPayload(target, [{ from: phone, name: 'Wendy W', body: 'Hello again' }]));
    expect((await admin.http.contact.list.query({})).total).toBe(1);
    const timeline = await admin.http.contact.timeline.query({ contactId: contact!.id });
    const conversation = timeline.items.find((i) => i.kind === 'conversation');
    expect(conversation?.kind === 'conversation' && conversation.conversation.recentMessages.map((m) => m.preview)).toEqual(['Is the sofa in stock?', 'Hello again']);
    expect(conversation?.kind === 'conversation' && conversation.conversation.messageCount).toBe(2);
    // Its timeline starts like any lead's: created as New (by nobody), once.
    const stages = timeline.items.flatMap((i) => (i.kind === 'stage_change' ? [i.change] : []));
    expect(stages).toMatchObject([{ from: null, to: 'NEW', actor: null }]);
    await stream.until((events) => events.filter((e) => e.type === 'message.created').length === 2);
    expect(stream.events().filter((e) => e.type === 'contact.created')).toHaveLength(1);
  });

  it('merges the timeline newest first across kinds, with stable cursor pages', async () => {
    const { admin } = await createWorkspace(app.url);
    const lead = await createLead(admin);
    await admin.http.contact.setStage.mutate({ contactId: lead.id, stage: 'CONTACTED' });
    const email = await admin.http.email.send.mutate({ contactId: lead.id, subject: 'Hello', html: '<p>Hi</p>' });
    await app.deps.queue.whenIdle();
    const all = await admin.http.contact.timeline.query({ contactId: lead.id, limit: 100 });
    // 5 tasks, 2 stage changes, 1 email.
    expect(all.items).toHaveLength(8);
    const times = all.items.map((i) => Date.parse(i.at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    // Future follow-ups sit on top; the email is among the rest.
    expect(all.items[0]!.kind).toBe('task');
    expect(all.items.some((i) => i.kind === 'email' && i.email.id === email.id)).toBe(true);
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page: typeof all = await admin.http.contact.timeline.query({ contactId: lead.id, limit: 3, cursor });
      paged.push(...page.items.map((i) => i.key));
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged).toEqual(all.items.map((i) => i.key));
  });

  it('shows the contact’s helpdesk tickets on its timeline, and a ticket change arrives live with its new state', async () => {
    const { admin } = await createWorkspace(app.url);
    const lead = await createLead(admin);
    const other = await createLead(admin);
    const stream = watchEvents(admin);
    const ticket = await admin.http.ticket.create.mutate({ subject: 'Invoice is wrong', contactId: lead.id });
    await admin.http.ticket.create.mutate({ subject: 'Someone else', contactId: other.id });
    const timeline = await admin.http.contact.timeline.query({ contactId: lead.id, limit: 100 });
    const entries = timeline.items.filter((i) => i.kind === 'ticket');
    expect(entries).toEqual([
      { kind: 'ticket', key: `ticket:${ticket.id}`, at: ticket.createdAt, ticket: expect.objectContaining({ id: ticket.id, number: ticket.number, subject: 'Invoice is wrong', status: 'NEW' }) },
    ]);
    await admin.http.ticket.update.mutate({ ticketId: ticket.id, status: 'OPEN' });
    // The event carries the contact, which is how an open contact page places the change.
    const change = await stream.next((e) => e.type === 'ticket.updated');
    expect(change.type === 'ticket.updated' && change.payload.ticket.contact?.id).toBe(lead.id);
    const after = await admin.http.contact.timeline.query({ contactId: lead.id, limit: 100 });
    expect(after.items.find((i) => i.kind === 'ticket')).toMatchObject({ ticket: { status: 'OPEN' } });
  });

  it('a new owner takes over the lead’s open follow-ups from the previous owner', async () => {
    const { admin, me } = await createWorkspace(app.url);
    const { me: other } = await addMember(app.url, admin, 'AGENT', 'Nora New');
    const { me: third } = await addMember(app.url, admin, 'AGENT', 'Tess Third');
    const lead = await createLead(admin);
    const [first, second, kept] = (await admin.http.task.list.query({ view: 'all', contactId: lead.id })).items;
    await admin.http.task.complete.mutate({ taskId: first!.id });
    await admin.http.task.reassign.mutate({ taskId: kept!.id, assigneeId: third.user.id });
    const stream = watchEvents(admin);
    await admin.http.contact.update.mutate({ contactId: lead.id, ownerId: other.user.id });
    // Two updates from the completion and the reassignment above, three from the owner change.
    await stream.until((e) => e.filter((x) => x.type === 'task.updated').length === 5);
    const tasks = (await admin.http.task.list.query({ view: 'all', contactId: lead.id })).items;
    expect(tasks.map((t) => [t.id, t.assigneeId])).toEqual([
      [first!.id, me.user.id],
      [second!.id, other.user.id],
      [kept!.id, third.user.id],
      [tasks[3]!.id, other.user.id],
      [tasks[4]!.id, other.user.id],
    ]);
  });

  it('deletes a contact with its tasks (supervisors and above)', async () => {
    const { admin } = await createWorkspace(app.url);
    const { member } = await addMember(app.url, admin, 'AGENT');
    const lead = await createLead(admin);
    expect((await refusalOf(member.http.contact.delete.mutate({ contactId: lead.id }))).code).toBe('FORBIDDEN');
    const stream = watchEvents(admin);
    await admin.http.contact.delete.mutate({ contactId: lead.id });
    await stream.next((e) => e.type === 'contact.deleted' && e.payload.contactId === lead.id);
    expect(await app.deps.db.task.count({ where: { contactId: lead.id } })).toBe(0);
    expect((await refusalOf(admin.http.contact.get.query({ contactId: lead.id }))).code).toBe('NOT_FOUND');
  });

  it('only supervisors lift a do-not-email block', async () => {
    const { admin } = await createWorkspace(app.url);
    const { member } = await addMember(app.url, admin, 'AGENT');
    const lead = await createLead(admin);
    await member.http.contact.update.mutate({ contactId: lead.id, doNotEmail: true });
    expect((await refusalOf(member.http.contact.update.mutate({ contactId: lead.id, doNotEmail: false }))).code).toBe('FORBIDDEN');
    expect(await admin.http.contact.update.mutate({ contactId: lead.id, doNotEmail: false })).toMatchObject({ doNotEmail: false, doNotEmailReason: null });
  });
});

describe('CSV import and export', () => {
  it('imports valid rows, reports invalid ones by line with field errors, and dedupes by email and phone', async () => {
    const { admin, email: adminEmail } = await createWorkspace(app.url);
    const existing = await createLead(admin, { name: 'Old Name', email: leadEmail('old'), createTasks: false });
    const csv = [
      'Name,E-mail,Phone,Company,Stage,Tags,Notes,Owner',
      `Ivy Import,ivy@example.com,+1 415 555 0110,Ivy Co,qualified,a;b,hello,${adminEmail}`,
      ',bad-email,,,,,,',
      ',,,,,,,',
      'Bad Stage,bs@example.com,,,promoted,,,',
      'Bad Phone,bp@example.com,12,,,,,',
      `Updated,${existing.email!.toUpperCase()},,New Co,,c,,`,
      'Twin By Phone,,+14155550110,,,,,',
      'Stranger Owner,so@example.com,,,,,,nobody@example.com',
      '"Quoted, Name",q@example.com,,,,,"multi',
      'line note",',
    ].join('\r\n');
    const report = await admin.http.contact.import.mutate({ csv });
    expect(report).toMatchObject({ rows: 9, created: 2, updated: 2, failed: 5 });
    expect(report.errors).toEqual([
      { row: 3, errors: { email: ['Not a valid email address'] } },
      { row: 4, errors: { _row: ['Give at least a name, an email or a phone'] } },
      { row: 5, errors: { stage: ['One of new, contacted, qualified, won, lost'] } },
      { row: 6, errors: { phone: ['Not a phone number in international format, like +14155550123'] } },
      { row: 9, errors: { owner_email: ['No active team member has this email'] } },
    ]);
    const ivy = (await admin.http.contact.list.query({ search: 'ivy@example.com' })).items[0]!;
    expect(ivy).toMatchObject({ name: 'Twin By Phone', phone: '+14155550110', company: 'Ivy Co', stage: 'QUALIFIED', source: 'IMPORT', tags: ['a', 'b'] });
    expect(await admin.http.contact.get.query({ contactId: existing.id })).toMatchObject({ name: 'Updated', company: 'New Co', tags: ['c'] });
    expect((await admin.http.contact.list.query({ search: 'Quoted' })).items[0]).toMatchObject({ name: 'Quoted, Name', notes: 'multi\r\nline note' });
  });

  it('refuses a file that is not CSV, clearly', async () => {
    const { admin } = await createWorkspace(app.url);
    const refusal = await refusalOf(admin.http.contact.import.mutate({ csv: 'name,email\n"unterminated,x@example.com\n' }));
    expect(refusal.code).toBe('BAD_REQUEST');
    expect(refusal.message).toMatch(/not valid CSV/);
  });

  it('exports what it imports back unchanged (round trip), escaping formulas', async () => {
    const a = await createWorkspace(app.url);
    await createLead(a.admin, { name: 'Round Trip', phone: '+14155550111', tags: ['x', 'y'], notes: 'line1\nline2, "quoted"', stage: 'QUALIFIED', createTasks: false });
    await createLead(a.admin, { name: '=HYPERLINK("http://evil")', company: '@corp', createTasks: false });
    const exported = await a.admin.http.contact.export.query({});
    expect(exported.rows).toBe(2);
    expect(exported.csv.split('\n')[0]).toBe('name,email,phone,company,stage,source,tags,notes,owner_email,do_not_email,created_at');
    expect(exported.csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(exported.csv).toContain('+14155550111');

    const strip = (c: { name: string; email: string | null; phone: string | null; company: string; stage: string; source: string; tags: string[]; notes: string; ownerId: string | null }) => ({
      name: c.name, email: c.email, phone: c.phone, company: c.company, stage: c.stage, source: c.source, tags: c.tags, notes: c.notes, ownerId: c.ownerId,
    });
    const before = (await a.admin.http.contact.list.query({})).items.map(strip);
    for (const c of (await a.admin.http.contact.list.query({})).items) await a.admin.http.contact.delete.mutate({ contactId: c.id });
    const report = await a.admin.http.contact.import.mutate({ csv: exported.csv });
    expect(report).toMatchObject({ created: 2, failed: 0 });
    const after = (await a.admin.http.contact.list.query({})).items.map(strip);
    expect(after).toEqual(before);
    // Importing the export again only updates.
    expect(await a.admin.http.contact.import.mutate({ csv: exported.csv })).toMatchObject({ created: 0, updated: 2, failed: 0 });
    // Into another workspace, the owners are unknown there: reported, not guessed.
    const b = await createWorkspace(app.url);
    expect((await b.admin.http.contact.import.mutate({ csv: exported.csv })).errors.map((e) => Object.keys(e.errors))).toEqual([['owner_email'], ['owner_email']]);
  });

  it('import and export are for supervisors and above', async () => {
    const { admin } = await createWorkspace(app.url);
    const { member } = await addMember(app.url, admin, 'AGENT');
    expect((await refusalOf(member.http.contact.import.mutate({ csv: 'name\nx' }))).code).toBe('FORBIDDEN');
    expect((await refusalOf(member.http.contact.export.query({}))).code).toBe('FORBIDDEN');
  });
});
