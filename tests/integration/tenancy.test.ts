/**
 * Workspace B's admin against workspace A: every id-taking procedure answers NOT_FOUND exactly as
 * for an id that does not exist (no leak) and changes nothing of A's; lists and the live stream
 * never carry another tenant's rows or events.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { appRouter } from '../../server/trpc/app-router.ts';
import type { ApiUser } from '../support/api-client.ts';
import { addMember, createWorkspace, refusalOf, uniqueEmail, watchEvents } from '../support/factories.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.stop());

/** Workspace A with an admin, an agent and a pending invite; workspace B with its admin. */
const twoWorkspaces = async () => {
  const a = await createWorkspace(app.url, 'Tenant A');
  const agent = await addMember(app.url, a.admin, 'AGENT');
  const pending = await a.admin.http.team.invite.mutate({ email: uniqueEmail('a-invitee'), role: 'SUPERVISOR' });
  const b = await createWorkspace(app.url, 'Tenant B');
  return { a, agent, pending, b };
};

type World = Awaited<ReturnType<typeof twoWorkspaces>>;

/** Everything of A that a cross-tenant call could touch, read from the database. */
const snapshotOfA = async ({ a }: World) => {
  const db = app.deps.db;
  const [users, invites, sessions, events] = await Promise.all([
    db.user.findMany({ where: { tenantId: a.tenantId }, orderBy: { id: 'asc' } }),
    db.invite.findMany({ where: { tenantId: a.tenantId }, orderBy: { id: 'asc' } }),
    db.session.count({ where: { user: { tenantId: a.tenantId } } }),
    db.event.count({ where: { tenantId: a.tenantId } }),
  ]);
  return { users, invites, sessions, events };
};

/** The id-taking procedures, each called by `caller` with `id`. */
const idProcedures: Record<string, (caller: ApiUser, w: World, id?: string) => Promise<unknown>> = {
  'team.changeRole': (caller, w, id = w.agent.me.user.id) => caller.http.team.changeRole.mutate({ userId: id, role: 'ADMIN' }),
  'team.deactivate': (caller, w, id = w.agent.me.user.id) => caller.http.team.deactivate.mutate({ userId: id }),
  'team.changeRole (A’s admin)': (caller, w, id = w.a.me.user.id) => caller.http.team.changeRole.mutate({ userId: id, role: 'AGENT' }),
  'team.deactivate (A’s admin)': (caller, w, id = w.a.me.user.id) => caller.http.team.deactivate.mutate({ userId: id }),
  'team.revokeInvite': (caller, w, id = w.pending.invite.id) => caller.http.team.revokeInvite.mutate({ inviteId: id }),
};

describe('cross-tenant ids', () => {
  // Owned here: auth, team, events. Later routers (channel, conversation, ...) prove their own
  // cross-tenant refusals in their router tests (STYLE.md, Tests).
  it('covers every auth, team and events procedure whose input carries an id', () => {
    const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { inputs: unknown[] } }>;
    const keysOf = (input: unknown): string[] => {
      const schema = input instanceof z.ZodOptional ? input.unwrap() : input;
      return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
    };
    const takingIds = Object.entries(procedures)
      .filter(([path]) => ['auth', 'team', 'events'].includes(path.split('.')[0]!))
      .filter(([, p]) => p._def.inputs.some((input) => keysOf(input).some((key) => /Id$/.test(key))))
      .map(([path]) => path)
      .sort();
    const covered = new Set(Object.keys(idProcedures).map((name) => name.split(' ')[0]!));
    // events.stream's lastEventId is a position in the caller's own log: see the stream tests below.
    expect(takingIds).toEqual([...covered, 'events.stream'].sort());
  });

  it.each(Object.keys(idProcedures))('%s with another workspace’s id is NOT_FOUND, like an unknown id, and changes nothing', async (name) => {
    const call = idProcedures[name]!;
    const world = await twoWorkspaces();
    const before = await snapshotOfA(world);

    const foreign = await refusalOf(call(world.b.admin, world));
    const unknown = await refusalOf(call(world.b.admin, world, randomUUID()));
    expect(foreign).toMatchObject({ code: 'NOT_FOUND', appCode: 'NOT_FOUND' });
    expect(foreign).toEqual(unknown);

    expect(await snapshotOfA(world)).toEqual(before);
    await expect(world.agent.member.http.auth.me.query()).resolves.toMatchObject({ user: { role: 'AGENT', status: 'ACTIVE' } });
    await expect(world.a.admin.http.team.listInvites.query()).resolves.toEqual([world.pending.invite]);
  });

  it('still works on the own workspace’s ids (the refusals above are about tenancy)', async () => {
    const world = await twoWorkspaces();
    await expect(idProcedures['team.revokeInvite']!(world.a.admin, world)).resolves.toBeUndefined();
    await expect(idProcedures['team.changeRole']!(world.a.admin, world)).resolves.toMatchObject({ role: 'ADMIN' });
    await expect(idProcedures['team.deactivate']!(world.a.admin, world)).resolves.toMatchObject({ status: 'DEACTIVATED' });
  });
});

describe('lists', () => {
  it('never include another workspace’s members or invites', async () => {
    const { a, agent, pending, b } = await twoWorkspaces();
    const bInvite = await b.admin.http.team.invite.mutate({ email: uniqueEmail('b-invitee'), role: 'AGENT' });

    expect((await b.admin.http.team.listMembers.query()).map((m) => m.id)).toEqual([b.me.user.id]);
    expect(await b.admin.http.team.listInvites.query()).toEqual([bInvite.invite]);
    expect((await a.admin.http.team.listMembers.query()).map((m) => m.id).sort()).toEqual([a.me.user.id, agent.me.user.id].sort());
    expect(await a.admin.http.team.listInvites.query()).toEqual([pending.invite]);
    expect((await b.admin.http.auth.me.query()).workspace.id).toBe(b.tenantId);
  });
});

describe('the live stream', () => {
  it('never delivers another workspace’s events, live or replayed', async () => {
    const { a, agent, b } = await twoWorkspaces();
    const bStream = watchEvents(b.admin);
    // B's replay has reached its head, so B's bus subscription is live before A writes anything.
    await bStream.next((e) => e.type === 'member.joined');

    await a.admin.http.team.invite.mutate({ email: uniqueEmail(), role: 'AGENT' });
    await a.admin.http.team.changeRole.mutate({ userId: agent.me.user.id, role: 'SUPERVISOR' });
    await agent.member.http.team.updateProfile.mutate({ name: 'A agent', title: '', phone: '', emailSignature: '' });
    await a.admin.http.team.deactivate.mutate({ userId: agent.me.user.id });
    const aHead = await app.deps.db.event.count({ where: { tenantId: a.tenantId } });
    const bMarker = await b.admin.http.team.invite.mutate({ email: uniqueEmail('b-marker'), role: 'AGENT' });

    const seen = await bStream.until((events) => events.some((e) => e.type === 'member.invited'));
    expect(seen.map((e) => [e.tenantId, e.type])).toEqual([
      [b.tenantId, 'member.joined'],
      [b.tenantId, 'member.invited'],
    ]);
    expect(seen[1]).toMatchObject({ payload: { invite: bMarker.invite } });

    // Resuming from a position only A's log has reached replays nothing of A's: it resyncs.
    expect(aHead).toBeGreaterThan(seen.length);
    const resumed = watchEvents(b.admin, String(aHead));
    await resumed.until(() => resumed.items.length > 0);
    expect(resumed.items[0]).toEqual({ kind: 'resync', headSeq: seen.length });
    expect(resumed.events()).toEqual([]);
  });
});
