/**
 * Workspace B against workspace A's tickets, contacts, conversations, members and notifications:
 * every id-taking ticket, notification and ticket-presence procedure answers NOT_FOUND exactly
 * as for an unknown id and changes nothing of A's. Lists and the live stream never carry A's rows.
 */
import { idTakingProcedures, itRefusesForeignIds, type CrossTenantCall } from '../support/tenancy.ts';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inboundTextPayload, postSigned } from '../../server/dev/cloud-webhook-builder.ts';
import { startFakeGraph, type FakeGraph } from '../../server/dev/fake-graph-server.ts';
import { Collector } from '../support/events.ts';
import { addMember, createWorkspace, watchEvents } from '../support/factories.ts';
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

const workspaceWithConversation = async (name: string) => {
  const ws = await createWorkspace(app.url, name);
  const { target } = await connectCloudChannel(ws.admin, { appUrl: app.url, graphUrl: graph.url });
  await postSigned(target, inboundTextPayload(target, [{ from: randomPhone(), name: `${name} customer`, body: `private to ${name}` }]));
  const conversation = (await ws.admin.http.conversation.list.query({})).items[0]!;
  return { ...ws, conversation };
};

const twoWorkspaces = async () => {
  const a = await workspaceWithConversation('Tenant A');
  const agent = await addMember(app.url, a.admin, 'AGENT', 'A agent');
  const ticket = await a.admin.http.ticket.createFromConversation.mutate({ conversationId: a.conversation.id, subject: 'Secret A ticket', assigneeId: agent.me.user.id });
  const [notification] = (await agent.member.http.notification.list.query({})).items;
  const b = await workspaceWithConversation('Tenant B');
  const bTicket = await b.admin.http.ticket.create.mutate({ subject: 'B ticket' });
  return { a, agent, ticket, notification: notification!, b, bTicket };
};
type World = Awaited<ReturnType<typeof twoWorkspaces>>;

const snapshotOfA = async ({ a }: World) => {
  const db = app.deps.db;
  const where = { tenantId: a.tenantId };
  const [tickets, comments, activities, notifications, messages, conversations, events] = await Promise.all([
    db.ticket.findMany({ where, orderBy: { id: 'asc' } }),
    db.ticketComment.findMany({ where, orderBy: { id: 'asc' } }),
    db.ticketActivity.findMany({ where, orderBy: { id: 'asc' } }),
    db.notification.findMany({ where, orderBy: { id: 'asc' } }),
    db.message.findMany({ where, orderBy: { id: 'asc' } }),
    db.conversation.findMany({ where, orderBy: { id: 'asc' } }),
    db.event.count({ where }),
  ]);
  return { tickets, comments, activities, notifications, messages, conversations, events };
};

const calls: Record<string, CrossTenantCall<World>> = {
  'ticket.get': (b, w, id = w.ticket.id) => b.http.ticket.get.query({ ticketId: id }),
  'ticket.list (A’s conversation)': (b, w, id = w.a.conversation.id) => b.http.ticket.list.query({ conversationId: id }),
  'ticket.update (A’s contact)': (b, w, id = w.a.conversation.contact.id) => b.http.ticket.update.mutate({ ticketId: w.bTicket.id, contactId: id }),
  'ticket.create (A’s member as assignee)': (b, w, id = w.agent.me.user.id) => b.http.ticket.create.mutate({ subject: 'x', assigneeId: id }),
  'ticket.create (A’s contact)': (b, w, id = w.a.conversation.contact.id) => b.http.ticket.create.mutate({ subject: 'x', contactId: id }),
  'ticket.create (A’s conversation)': (b, w, id = w.a.conversation.id) => b.http.ticket.create.mutate({ subject: 'x', conversationId: id }),
  'ticket.createFromConversation': (b, w, id = w.a.conversation.id) => b.http.ticket.createFromConversation.mutate({ conversationId: id }),
  'ticket.createFromConversation (A’s member)': (b, w, id = w.agent.me.user.id) =>
    b.http.ticket.createFromConversation.mutate({ conversationId: w.b.conversation.id, assigneeId: id }),
  'ticket.update': (b, w, id = w.ticket.id) => b.http.ticket.update.mutate({ ticketId: id, status: 'CLOSED', subject: 'Hijacked' }),
  'ticket.update (A’s member)': (b, w, id = w.agent.me.user.id) => b.http.ticket.update.mutate({ ticketId: w.bTicket.id, assigneeId: id }),
  'ticket.bulkUpdate': (b, w, id = w.ticket.id) => b.http.ticket.bulkUpdate.mutate({ ticketIds: [w.bTicket.id, id], status: 'CLOSED' }),
  'ticket.bulkUpdate (A’s member)': (b, w, id = w.agent.me.user.id) => b.http.ticket.bulkUpdate.mutate({ ticketIds: [w.bTicket.id], assigneeId: id }),
  'ticket.addComment': (b, w, id = w.ticket.id) => b.http.ticket.addComment.mutate({ ticketId: id, body: 'x', visibility: 'public' }),
  'ticket.retryAnalysis': (b, w, id = w.ticket.id) => b.http.ticket.retryAnalysis.mutate({ ticketId: id }),
  'notification.markRead': (b, w, id = w.notification.id) => b.http.notification.markRead.mutate({ notificationIds: [id] }),
  'presence.beatTicket': (b, w, id = w.ticket.id) => b.http.presence.beatTicket.mutate({ ticketId: id, state: 'viewing' }),
  'presence.leaveTicket': (b, w, id = w.ticket.id) => b.http.presence.leaveTicket.mutate({ ticketId: id }),
};

// Each case builds two workspaces with WhatsApp channels: generous on a busy machine.
describe('cross-tenant ids (tickets and notifications)', { timeout: 90_000 }, () => {
  it('covers every ticket, notification and ticket-presence procedure whose input carries an id', () => {
    const takingIds = idTakingProcedures(
      (path) =>
        (['ticket', 'notification'].includes(path.split('.')[0]!) || /^presence\.\w+Ticket$/.test(path)) &&
        // Subscriptions cannot ride the HTTP client: presence.watchTicket is refused below.
        path !== 'presence.watchTicket',
    );
    const covered = new Set(Object.keys(calls).map((name) => name.split(' ')[0]!));
    expect(new Set(takingIds)).toEqual(covered);
  });

  itRefusesForeignIds(calls, twoWorkspaces, snapshotOfA);

  it('presence.watchTicket refuses another workspace’s ticket exactly like an unknown one', async () => {
    const world = await twoWorkspaces();
    const refusal = async (ticketId: string) => {
      const errors = new Collector<unknown>();
      world.b.admin.live().client.presence.watchTicket.subscribe({ ticketId }, { onError: (err) => errors.push(err) });
      await errors.until((e) => e.length > 0);
      return (errors.items[0] as { data?: { code?: string } }).data?.code;
    };
    expect(await refusal(world.ticket.id)).toBe('NOT_FOUND');
    expect(await refusal(randomUUID())).toBe('NOT_FOUND');
    await world.b.admin.close();
  });

  it('never lists another workspace’s tickets, tags or notifications, and never streams their events', async () => {
    const world = await twoWorkspaces();
    const stream = watchEvents(world.b.admin);
    await world.a.admin.http.ticket.update.mutate({ ticketId: world.ticket.id, tags: ['secret-tag'] });
    await world.b.admin.http.ticket.update.mutate({ ticketId: world.bTicket.id, priority: 'HIGH' });
    await stream.next((e) => e.type === 'ticket.updated' && e.payload.ticket.id === world.bTicket.id);
    expect(stream.events().some((e) => JSON.stringify(e).includes(world.ticket.id))).toBe(false);
    for (const input of [{}, { search: 'Secret' }, { search: `#${world.ticket.number}` }, { tag: 'secret-tag' }, { assignee: world.agent.me.user.id }]) {
      const { items, total } = await world.b.admin.http.ticket.list.query(input);
      expect(items.every((t) => t.id !== world.ticket.id)).toBe(true);
      expect(total).toBe(items.length);
    }
    expect(await world.b.admin.http.ticket.tags.query()).not.toContain('secret-tag');
    expect((await world.b.admin.http.notification.list.query({})).total).toBe(0);
  });
});
