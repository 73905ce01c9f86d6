import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inboundTextPayload, postSigned } from '../../server/dev/cloud-webhook-builder.ts';
import { startFakeGraph, type FakeGraph } from '../../server/dev/fake-graph-server.ts';
import type { TenantEvent } from '../../src/contracts/events.ts';
import { addMember, createWorkspace, refusalOf, watchEvents } from '../support/factories.ts';
import { createLead } from '../support/crm.ts';
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

const isType =
  <K extends TenantEvent['type']>(type: K) =>
  (e: TenantEvent): e is Extract<TenantEvent, { type: K }> =>
    e.type === type;

describe('ticket numbers', () => {
  it('are unique and gap-free per workspace from #1001 under 20 concurrent creations', async () => {
    const { admin } = await createWorkspace(app.url);
    const other = await createWorkspace(app.url);
    const created = await Promise.all([
      ...Array.from({ length: 20 }, (_, i) => admin.http.ticket.create.mutate({ subject: `Race ${i}` })),
      // Another workspace racing alongside has its own sequence.
      ...Array.from({ length: 3 }, (_, i) => other.admin.http.ticket.create.mutate({ subject: `Other ${i}` })),
    ]);
    const mine = created.slice(0, 20).map((t) => t.number).sort((a, b) => a - b);
    expect(mine).toEqual(Array.from({ length: 20 }, (_, i) => 1001 + i));
    expect(created.slice(20).map((t) => t.number).sort()).toEqual([1001, 1002, 1003]);
    const page = await admin.http.ticket.list.query({ sort: 'created', limit: 100 });
    expect(page.total).toBe(20);
  }, 90_000); // 23 creations queue on two counter rows; a loaded CI machine needs room.

  it('gives back the number of a creation that failed (no gap)', async () => {
    const { admin } = await createWorkspace(app.url);
    const first = await admin.http.ticket.create.mutate({ subject: 'First' });
    // An unknown assignee fails the creation after nothing is committed.
    expect(await refusalOf(admin.http.ticket.create.mutate({ subject: 'Bad', assigneeId: crypto.randomUUID() }))).toMatchObject({ code: 'NOT_FOUND' });
    const second = await admin.http.ticket.create.mutate({ subject: 'Second' });
    expect([first.number, second.number]).toEqual([1001, 1002]);
  });
});

describe('status changes', () => {
  it('refuses closed -> pending with a clear message, and keeps the ticket as it was', async () => {
    const { admin } = await createWorkspace(app.url);
    const ticket = await admin.http.ticket.create.mutate({ subject: 'Broken tap' });
    await admin.http.ticket.update.mutate({ ticketId: ticket.id, status: 'CLOSED' });
    const refusal = await refusalOf(admin.http.ticket.update.mutate({ ticketId: ticket.id, status: 'PENDING' }));
    expect(refusal).toMatchObject({ code: 'PRECONDITION_FAILED' });
    expect(refusal.message).toBe('A closed ticket cannot become pending: reopen it first.');
    const detail = await admin.http.ticket.get.query({ ticketId: ticket.id });
    expect(detail.ticket.status).toBe('CLOSED');
    expect(detail.history.map((h) => [h.field, h.from, h.to])).toEqual([
      ['created', null, '#1001'],
      ['status', 'NEW', 'CLOSED'],
    ]);
    // Reopening is the way back.
    const reopened = await admin.http.ticket.update.mutate({ ticketId: ticket.id, status: 'OPEN' });
    expect(reopened.status).toBe('OPEN');
    expect(reopened.resolvedAt).toBeNull();
  });

  it('bulk status change applies where allowed and reports each refusal', async () => {
    const { admin, me } = await createWorkspace(app.url);
    const open = await admin.http.ticket.create.mutate({ subject: 'Open one' });
    const closed = await admin.http.ticket.create.mutate({ subject: 'Closed one' });
    await admin.http.ticket.update.mutate({ ticketId: closed.id, status: 'CLOSED' });
    const result = await admin.http.ticket.bulkUpdate.mutate({ ticketIds: [open.id, closed.id], status: 'PENDING', assigneeId: me.user.id });
    expect(result.updated.map((t) => [t.number, t.status, t.assignee?.id])).toEqual([[open.number, 'PENDING', me.user.id]]);
    expect(result.refused).toEqual([{ ticketId: closed.id, number: closed.number, message: 'A closed ticket cannot become pending: reopen it first.' }]);
    // The refused ticket kept its assignee too: each ticket changes all or nothing.
    expect((await admin.http.ticket.get.query({ ticketId: closed.id })).ticket.assignee).toBeNull();
  });
});

describe('updates, history and events', () => {
  it('writes one history line per changed field and emits the updated ticket', async () => {
    const { admin } = await createWorkspace(app.url);
    const ana = await addMember(app.url, admin, 'AGENT', 'Ana');
    const ticket = await admin.http.ticket.create.mutate({ subject: 'Printer jam', tags: ['hardware'] });
    const stream = watchEvents(ana.member, '0', { waitMs: 20_000 });
    const updated = await admin.http.ticket.update.mutate({
      ticketId: ticket.id,
      subject: 'Printer jam on floor 2',
      priority: 'HIGH',
      assigneeId: ana.me.user.id,
      tags: ['hardware', 'Floor-2'],
      status: 'OPEN',
    });
    expect(updated).toMatchObject({ priority: 'HIGH', status: 'OPEN', assignee: { id: ana.me.user.id, name: 'Ana' }, tags: ['hardware', 'floor-2'] });
    const event = await stream.next(isType('ticket.updated'));
    expect(event.payload.ticket).toEqual(updated);
    expect(event.payload.changes.map((c) => [c.field, c.from, c.to, c.actor?.name])).toEqual([
      ['subject', 'Printer jam', 'Printer jam on floor 2', 'Ada Admin'],
      ['status', 'NEW', 'OPEN', 'Ada Admin'],
      ['priority', 'NORMAL', 'HIGH', 'Ada Admin'],
      ['assignee', null, 'Ana', 'Ada Admin'],
      ['tags', 'hardware', 'hardware, floor-2', 'Ada Admin'],
    ]);
    // Ana was notified, addressed to her alone.
    const note = await stream.next(isType('notification.created'));
    expect(note.payload.notification).toMatchObject({ userId: ana.me.user.id, kind: 'assigned', ticket: { id: ticket.id, number: ticket.number } });
    // Setting the same values again changes nothing and writes no history.
    const before = (await admin.http.ticket.get.query({ ticketId: ticket.id })).history.length;
    await admin.http.ticket.update.mutate({ ticketId: ticket.id, priority: 'HIGH', tags: ['floor-2', 'hardware'] });
    expect((await admin.http.ticket.get.query({ ticketId: ticket.id })).history.length).toBe(before);
  });

  it('refuses assigning to someone outside the workspace', async () => {
    const { admin } = await createWorkspace(app.url);
    const other = await createWorkspace(app.url);
    const ticket = await admin.http.ticket.create.mutate({ subject: 'x' });
    expect(await refusalOf(admin.http.ticket.update.mutate({ ticketId: ticket.id, assigneeId: other.me.user.id }))).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('list', () => {
  it('filters, searches, sorts by SLA due and pages with cursors and real totals', async () => {
    const { admin, me } = await createWorkspace(app.url);
    await admin.http.ticket.updateSlaPolicies.mutate({
      policies: [
        { priority: 'URGENT', firstResponseMinutes: 30, resolutionMinutes: 240 },
        { priority: 'HIGH', firstResponseMinutes: 60, resolutionMinutes: 480 },
        { priority: 'NORMAL', firstResponseMinutes: 240, resolutionMinutes: 2400 },
      ],
    });
    await admin.http.ticket.updateBusinessCalendar.mutate({ calendar: { timeZone: 'UTC', weekly: { mon: [{ start: '00:00', end: '24:00' }], tue: [{ start: '00:00', end: '24:00' }], wed: [{ start: '00:00', end: '24:00' }], thu: [{ start: '00:00', end: '24:00' }], fri: [{ start: '00:00', end: '24:00' }], sat: [{ start: '00:00', end: '24:00' }], sun: [{ start: '00:00', end: '24:00' }] }, holidays: [] } });
    const low = await admin.http.ticket.create.mutate({ subject: 'Low: no targets', priority: 'LOW', tags: ['billing'] });
    const normal = await admin.http.ticket.create.mutate({ subject: 'Normal invoice question', priority: 'NORMAL', tags: ['billing'] });
    const urgent = await admin.http.ticket.create.mutate({ subject: 'Urgent outage', priority: 'URGENT', assigneeId: me.user.id });
    const high = await admin.http.ticket.create.mutate({ subject: 'High: login fails', priority: 'HIGH' });
    expect(urgent.sla.state).toBe('running');
    expect(low.sla.state).toBe('none');

    const bySla = await admin.http.ticket.list.query({ sort: 'sla_due', limit: 2 });
    expect(bySla.total).toBe(4);
    expect(bySla.items.map((t) => t.id)).toEqual([urgent.id, high.id]);
    const rest = await admin.http.ticket.list.query({ sort: 'sla_due', limit: 2, cursor: bySla.nextCursor });
    expect(rest.items.map((t) => t.id)).toEqual([normal.id, low.id]);
    expect(rest.nextCursor).toBeNull();

    const byPriority = await admin.http.ticket.list.query({ sort: 'priority', limit: 3 });
    const page2 = await admin.http.ticket.list.query({ sort: 'priority', limit: 3, cursor: byPriority.nextCursor });
    expect([...byPriority.items, ...page2.items].map((t) => t.priority)).toEqual(['URGENT', 'HIGH', 'NORMAL', 'LOW']);

    expect((await admin.http.ticket.list.query({ tag: 'billing' })).items.map((t) => t.id).sort()).toEqual([low.id, normal.id].sort());
    expect((await admin.http.ticket.list.query({ assignee: 'me' })).items.map((t) => t.id)).toEqual([urgent.id]);
    expect((await admin.http.ticket.list.query({ assignee: 'unassigned' })).total).toBe(3);
    expect((await admin.http.ticket.list.query({ priority: ['HIGH', 'URGENT'] })).total).toBe(2);
    expect((await admin.http.ticket.list.query({ slaState: ['none'] })).items.map((t) => t.id)).toEqual([low.id]);
    expect((await admin.http.ticket.list.query({ search: 'invoice' })).items.map((t) => t.id)).toEqual([normal.id]);
    expect((await admin.http.ticket.list.query({ search: `#${high.number}` })).items.map((t) => t.id)).toEqual([high.id]);
    await admin.http.ticket.update.mutate({ ticketId: normal.id, status: 'PENDING' });
    expect((await admin.http.ticket.list.query({ status: ['PENDING'] })).items.map((t) => [t.id, t.sla.state])).toEqual([[normal.id, 'paused']]);
    expect(await admin.http.ticket.tags.query()).toEqual(['billing']);

    expect(await refusalOf(admin.http.ticket.list.query({ sort: 'updated', cursor: bySla.nextCursor }))).toMatchObject({ appCode: 'INVALID_INPUT' });
  });
});

describe('comments', () => {
  it('stores an internal note and a public reply without a conversation as not delivered; the reply stops the first-response clock', async () => {
    const { admin } = await createWorkspace(app.url);
    await admin.http.ticket.updateSlaPolicies.mutate({ policies: [{ priority: 'NORMAL', firstResponseMinutes: 600, resolutionMinutes: null }] });
    const ana = await addMember(app.url, admin, 'AGENT', 'Ana');
    const ticket = await admin.http.ticket.create.mutate({ subject: 'Refund', assigneeId: ana.me.user.id });
    const stream = watchEvents(ana.member, '0', { waitMs: 20_000 });
    const note = await admin.http.ticket.addComment.mutate({ ticketId: ticket.id, body: 'Checked the order', visibility: 'internal' });
    expect(note.delivery).toEqual({ kind: 'internal' });
    const clientCommentId = crypto.randomUUID();
    const reply = await admin.http.ticket.addComment.mutate({ ticketId: ticket.id, body: 'Refund on its way', visibility: 'public', clientCommentId });
    expect(reply.delivery).toMatchObject({ kind: 'not_delivered' });
    // A retried submit returns the same comment, also when two race.
    const twins = await Promise.all([1, 2].map(() => admin.http.ticket.addComment.mutate({ ticketId: ticket.id, body: 'Refund on its way', visibility: 'public', clientCommentId })));
    expect(twins).toEqual([reply, reply]);
    const raced = crypto.randomUUID();
    const [x, y] = await Promise.all([1, 2].map(() => admin.http.ticket.addComment.mutate({ ticketId: ticket.id, body: 'Once only', visibility: 'internal', clientCommentId: raced })));
    expect(x).toEqual(y);
    const detail = await admin.http.ticket.get.query({ ticketId: ticket.id });
    expect(detail.comments.map((c) => [c.visibility, c.body, c.author?.name])).toEqual([
      ['internal', 'Checked the order', 'Ada Admin'],
      ['public', 'Refund on its way', 'Ada Admin'],
      ['internal', 'Once only', 'Ada Admin'],
    ]);
    expect(detail.ticket).toMatchObject({ status: 'OPEN', commentCount: 3 });
    expect(detail.ticket.firstRespondedAt).not.toBeNull();
    expect(detail.ticket.sla.firstResponse.state).toBe('met');
    const added = await stream.until((seen) => seen.filter((e) => e.type === 'ticket.comment_added').length === 3);
    expect(added.filter((e) => e.type === 'notification.created').map((e) => (e.payload as { notification: { kind: string } }).notification.kind)).toEqual(['assigned', 'commented', 'commented', 'commented']);
  });

  it('emails a public reply to the ticket’s contact when no conversation is linked (one email per retried reply), and refuses it for a contact who cannot be emailed', async () => {
    const { admin } = await createWorkspace(app.url);
    const lead = await createLead(admin, { createTasks: false });
    const ticket = await admin.http.ticket.create.mutate({ subject: 'Invoice is wrong', contactId: lead.id });
    const clientCommentId = crypto.randomUUID();
    const [reply, again] = await Promise.all([1, 2].map(() => admin.http.ticket.addComment.mutate({ ticketId: ticket.id, body: 'We fixed it.\n\nSorry <3', visibility: 'public', clientCommentId })));
    expect(again).toEqual(reply);
    expect(reply!.delivery.kind).toBe('email');
    const emailId = reply!.delivery.kind === 'email' ? reply!.delivery.emailId : '';
    const email = await admin.http.email.get.query({ emailId });
    expect(email).toMatchObject({ contactId: lead.id, to: lead.email, subject: `[#${ticket.number}] Invoice is wrong` });
    expect(email.html).toBe('<p>We fixed it.</p><p>Sorry &lt;3</p>');
    expect((await admin.http.email.list.query({ contactId: lead.id })).items).toHaveLength(1);

    const noEmail = await createLead(admin, { email: undefined, phone: randomPhone(), createTasks: false });
    const other = await admin.http.ticket.create.mutate({ subject: 'Call me', contactId: noEmail.id });
    expect(await refusalOf(admin.http.ticket.addComment.mutate({ ticketId: other.id, body: 'Hello', visibility: 'public' }))).toMatchObject({ appCode: 'INVALID_STATE' });
    expect((await admin.http.ticket.get.query({ ticketId: other.id })).comments).toEqual([]);
  });

  it('sends a public reply through the linked conversation, claiming it from the queue, and carries the transcript on creation', async () => {
    const { admin, me } = await createWorkspace(app.url);
    const { target } = await connectCloudChannel(admin, { appUrl: app.url, graphUrl: graph.url });
    await postSigned(target, inboundTextPayload(target, [{ from: randomPhone(), name: 'Cleo', body: 'My sofa arrived torn' }]));
    const stream = watchEvents(admin, '0', { waitMs: 20_000 });
    const conversation = (await admin.http.conversation.list.query({})).items[0]!;
    const ticket = await admin.http.ticket.createFromConversation.mutate({ conversationId: conversation.id, priority: 'HIGH' });
    expect(ticket).toMatchObject({ subject: 'WhatsApp: Cleo', conversationId: conversation.id, contact: { id: conversation.contact.id, name: 'Cleo' } });
    expect(ticket.description).toMatch(/Cleo: My sofa arrived torn/);
    // The conversation can find its ticket.
    expect((await admin.http.ticket.list.query({ conversationId: conversation.id })).items.map((t) => t.id)).toEqual([ticket.id]);
    expect((await admin.http.ticket.list.query({ conversationId: crypto.randomUUID() }).catch((e: Error) => e.message))).toBe('Conversation not found.');
    // Its contact can be changed (and unlinked), each change in the history.
    const unlinked = await admin.http.ticket.update.mutate({ ticketId: ticket.id, contactId: null });
    expect(unlinked.contact).toBeNull();
    const relinked = await admin.http.ticket.update.mutate({ ticketId: ticket.id, contactId: conversation.contact.id });
    expect(relinked.contact).toMatchObject({ id: conversation.contact.id, name: 'Cleo' });
    const history = (await admin.http.ticket.get.query({ ticketId: ticket.id })).history.filter((h) => h.field === 'contact');
    expect(history.map((h) => [h.from, h.to])).toEqual([['Cleo', null], [null, 'Cleo']]);

    const reply = await admin.http.ticket.addComment.mutate({ ticketId: ticket.id, body: 'Sorry! A replacement ships today.', visibility: 'public' });
    expect(reply.delivery).toMatchObject({ kind: 'whatsapp', conversationId: conversation.id });
    const messageId = reply.delivery.kind === 'whatsapp' ? reply.delivery.messageId : '';
    // The WhatsApp send path took it: the message reaches the provider and is marked sent.
    await stream.next((e) => e.type === 'message.updated' && e.payload.message.id === messageId && e.payload.message.status === 'SENT');
    expect(graph.sends.filter((s) => (s.body.text as { body?: string } | undefined)?.body === 'Sorry! A replacement ships today.')).toHaveLength(1);
    const after = await admin.http.conversation.get.query({ conversationId: conversation.id });
    expect(after.conversation).toMatchObject({ owner: 'HUMAN', assigneeId: me.user.id });
  });

  it('reopens the conversation’s pending tickets when the customer answers, on either ingest path, and leaves others as they are', async () => {
    const { admin } = await createWorkspace(app.url);
    const { target } = await connectCloudChannel(admin, { appUrl: app.url, graphUrl: graph.url });
    const phone = randomPhone();
    await postSigned(target, inboundTextPayload(target, [{ from: phone, name: 'Cleo', body: 'Where is my order?' }]));
    const conversation = (await admin.http.conversation.list.query({})).items[0]!;
    const waiting = await admin.http.ticket.createFromConversation.mutate({ conversationId: conversation.id });
    const done = await admin.http.ticket.createFromConversation.mutate({ conversationId: conversation.id });
    await admin.http.ticket.update.mutate({ ticketId: waiting.id, status: 'PENDING' });
    await admin.http.ticket.update.mutate({ ticketId: done.id, status: 'RESOLVED' });
    const stream = watchEvents(admin, '0', { waitMs: 20_000 });
    const reopened = (e: TenantEvent) => e.type === 'ticket.updated' && e.payload.ticket.id === waiting.id && e.payload.ticket.status === 'OPEN';

    // A known contact on an existing conversation: the one-statement hot path.
    await postSigned(target, inboundTextPayload(target, [{ from: phone, name: 'Cleo', body: 'Any news?' }]));
    await stream.next(reopened);
    const first = await admin.http.ticket.get.query({ ticketId: waiting.id });
    expect(first.ticket.status).toBe('OPEN');
    expect(first.history.filter((h) => h.field === 'status').at(-1)).toMatchObject({ from: 'PENDING', to: 'OPEN', actor: null });
    expect((await admin.http.ticket.get.query({ ticketId: done.id })).ticket.status).toBe('RESOLVED');

    // A changed profile name takes the full path: the same rule.
    await admin.http.ticket.update.mutate({ ticketId: waiting.id, status: 'PENDING' });
    await postSigned(target, inboundTextPayload(target, [{ from: phone, name: 'Cleo Baker', body: 'Hello again' }]));
    await stream.until((seen) => seen.filter(reopened).length === 2);
    expect((await admin.http.ticket.get.query({ ticketId: waiting.id })).ticket.status).toBe('OPEN');
    expect((await admin.http.ticket.get.query({ ticketId: done.id })).ticket.status).toBe('RESOLVED');
  });

  it('stops the first-response clock of the conversation’s tickets when an agent replies from the inbox, once', async () => {
    const { admin, me } = await createWorkspace(app.url);
    const { target } = await connectCloudChannel(admin, { appUrl: app.url, graphUrl: graph.url });
    await postSigned(target, inboundTextPayload(target, [{ from: randomPhone(), name: 'Dara', body: 'My parcel is lost' }]));
    const conversation = (await admin.http.conversation.list.query({})).items[0]!;
    const fresh = await admin.http.ticket.createFromConversation.mutate({ conversationId: conversation.id });
    const resolved = await admin.http.ticket.createFromConversation.mutate({ conversationId: conversation.id });
    await admin.http.ticket.update.mutate({ ticketId: resolved.id, status: 'RESOLVED' });
    expect(fresh).toMatchObject({ status: 'NEW', firstRespondedAt: null });

    const sent = await admin.http.conversation.sendText.mutate({ conversationId: conversation.id, body: 'Looking into it now.' });
    const answered = await admin.http.ticket.get.query({ ticketId: fresh.id });
    expect(answered.ticket).toMatchObject({ status: 'OPEN', firstRespondedAt: sent.createdAt });
    expect(answered.history.filter((h) => h.field === 'status').at(-1)).toMatchObject({ from: 'NEW', to: 'OPEN', actor: { id: me.user.id } });
    expect((await admin.http.ticket.get.query({ ticketId: resolved.id })).ticket.firstRespondedAt).toBeNull();

    // A later reply leaves the first response where it was.
    await admin.http.conversation.sendText.mutate({ conversationId: conversation.id, body: 'Found it.' });
    expect((await admin.http.ticket.get.query({ ticketId: fresh.id })).ticket.firstRespondedAt).toBe(sent.createdAt);
  });

  it('refuses a public reply while another agent owns the conversation, storing nothing', async () => {
    const { admin } = await createWorkspace(app.url);
    const ana = await addMember(app.url, admin, 'AGENT', 'Ana');
    const ben = await addMember(app.url, admin, 'AGENT', 'Ben');
    const { target } = await connectCloudChannel(admin, { appUrl: app.url, graphUrl: graph.url });
    await postSigned(target, inboundTextPayload(target, [{ from: randomPhone(), name: 'Dan', body: 'Hello?' }]));
    const conversation = (await admin.http.conversation.list.query({})).items[0]!;
    await ana.member.http.conversation.takeOver.mutate({ conversationId: conversation.id });
    const ticket = await admin.http.ticket.createFromConversation.mutate({ conversationId: conversation.id });
    const refusal = await refusalOf(ben.member.http.ticket.addComment.mutate({ ticketId: ticket.id, body: 'Me too', visibility: 'public' }));
    expect(refusal).toMatchObject({ code: 'FORBIDDEN' });
    expect(refusal.message).toMatch(/Ana owns this conversation/);
    expect((await admin.http.ticket.get.query({ ticketId: ticket.id })).comments).toEqual([]);
  });
});
