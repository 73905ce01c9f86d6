/**
 * Invites and roles through the real server. Deactivation is in team-deactivate.test.ts, the
 * team's live events in team-events.test.ts.
 */
import { createTRPCClient, wsLink } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { AppRouter } from '../../server/trpc/app-router.ts';
import { ApiUser } from '../support/api-client.ts';
import {
  PASSWORD,
  addMember,
  createWorkspace,
  inviteToken,
  refusalOf,
  settle,
  signIn,
  uniqueEmail,
} from '../support/factories.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.stop());

const invite = async (admin: ApiUser, role: 'ADMIN' | 'SUPERVISOR' | 'AGENT' = 'AGENT', email = uniqueEmail('invitee')) => {
  const result = await admin.http.team.invite.mutate({ email, role });
  return { ...result, email, token: inviteToken(result.inviteUrl) };
};

const accept = (token: string, name = 'Ivy Invitee') => new ApiUser(app.url).http.auth.acceptInvite.mutate({ token, name, password: PASSWORD });

describe('invites', () => {
  it('gives the admin a link that previews the workspace, email and role, and lists the invite as pending', async () => {
    const { admin, me } = await createWorkspace(app.url, 'Preview Co');
    const { invite: dto, inviteUrl, token, email } = await invite(admin, 'SUPERVISOR');
    expect(inviteUrl).toBe(`${app.url}/invite/${token}`);
    expect(dto).toMatchObject({ email, role: 'SUPERVISOR', invitedByName: me.user.name });
    expect(await new ApiUser(app.url).http.auth.previewInvite.query({ token })).toEqual({
      workspaceName: 'Preview Co',
      email,
      role: 'SUPERVISOR',
    });
    expect(await admin.http.team.listInvites.query()).toEqual([dto]);
  });

  it('joins the workspace with the invited role and the chosen password when accepted', async () => {
    const { admin, tenantId } = await createWorkspace(app.url);
    const { token, email, invite: dto } = await invite(admin, 'SUPERVISOR');
    const me = await accept(token, 'Sam Supervisor');
    expect(me.workspace.id).toBe(tenantId);
    expect(me.user).toMatchObject({ email, name: 'Sam Supervisor', role: 'SUPERVISOR', status: 'ACTIVE' });

    const { me: again } = await signIn(app.url, email);
    expect(again.user.id).toBe(me.user.id);
    expect((await admin.http.team.listMembers.query()).map((m) => m.id)).toContain(me.user.id);
    expect((await admin.http.team.listInvites.query()).map((i) => i.id)).not.toContain(dto.id);
  });

  it('works once: a used link is NOT_FOUND for preview and accept', async () => {
    const { admin } = await createWorkspace(app.url);
    const { token } = await invite(admin);
    await accept(token);
    expect(await refusalOf(accept(token, 'Second Try'))).toMatchObject({ code: 'NOT_FOUND', appCode: 'NOT_FOUND' });
    expect(await refusalOf(admin.http.auth.previewInvite.query({ token }))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses a revoked link, and a second revoke is NOT_FOUND', async () => {
    const { admin } = await createWorkspace(app.url);
    const { token, email, invite: dto } = await invite(admin);
    await admin.http.team.revokeInvite.mutate({ inviteId: dto.id });
    expect(await refusalOf(accept(token))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await refusalOf(admin.http.auth.previewInvite.query({ token }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await refusalOf(admin.http.team.revokeInvite.mutate({ inviteId: dto.id }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await admin.http.team.listInvites.query()).toEqual([]);
    expect(await app.deps.db.user.count({ where: { email } })).toBe(0);
  });

  it('refuses a link superseded by a newer invite to the same address; the newer one works', async () => {
    const { admin } = await createWorkspace(app.url);
    const first = await invite(admin, 'AGENT');
    const second = await invite(admin, 'SUPERVISOR', first.email);
    expect(await refusalOf(accept(first.token))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await admin.http.team.listInvites.query()).toEqual([second.invite]);
    expect((await accept(second.token)).user.role).toBe('SUPERVISOR');
  });

  it('leaves only the newest link usable when two invites to one address race', async () => {
    const { admin } = await createWorkspace(app.url);
    const email = uniqueEmail('raced');
    const asSecondTab = Object.assign(new ApiUser(app.url), { cookie: admin.cookie });
    const links = await Promise.all([invite(admin, 'AGENT', email), invite(asSecondTab, 'ADMIN', email)]);
    const pending = await admin.http.team.listInvites.query();
    expect(pending).toHaveLength(1);
    const newest = links.find((l) => l.invite.id === pending[0]!.id)!;
    const older = links.find((l) => l !== newest)!;
    expect(await refusalOf(admin.http.auth.previewInvite.query({ token: older.token }))).toMatchObject({ code: 'NOT_FOUND' });
    await expect(admin.http.auth.previewInvite.query({ token: newest.token })).resolves.toMatchObject({ role: newest.invite.role });
  });

  it('refuses an expired link', async () => {
    const { admin } = await createWorkspace(app.url);
    const { token, invite: dto } = await invite(admin);
    await app.deps.db.invite.update({ where: { id: dto.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await refusalOf(admin.http.auth.previewInvite.query({ token }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await refusalOf(accept(token))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await admin.http.team.listInvites.query()).toEqual([]);
  });

  it('refuses an unknown token as NOT_FOUND and a malformed one as BAD_REQUEST', async () => {
    const anonymous = new ApiUser(app.url);
    const unknown = 'x'.repeat(43);
    expect(await refusalOf(anonymous.http.auth.previewInvite.query({ token: unknown }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await refusalOf(accept(unknown))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await refusalOf(anonymous.http.auth.previewInvite.query({ token: 'short' }))).toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('refuses to invite an address that already has an account, here or elsewhere (CONFLICT)', async () => {
    const { admin, email: adminEmail } = await createWorkspace(app.url);
    const { email: memberEmail } = await addMember(app.url, admin, 'AGENT');
    const { email: elsewhere } = await createWorkspace(app.url);
    for (const email of [adminEmail, memberEmail.toUpperCase(), elsewhere]) {
      expect(await refusalOf(admin.http.team.invite.mutate({ email, role: 'AGENT' }))).toMatchObject({ code: 'CONFLICT' });
    }
    expect(await admin.http.team.listInvites.query()).toEqual([]);
  });

  it('lets exactly one of two concurrent accepts of one link succeed', async () => {
    const { admin } = await createWorkspace(app.url);
    const { token, email } = await invite(admin);
    const { won, lost } = await settle([accept(token, 'Tab One'), accept(token, 'Tab Two')]);
    expect(won).toHaveLength(1);
    expect(lost).toMatchObject([{ code: 'NOT_FOUND' }]);
    expect(await app.deps.db.user.count({ where: { email } })).toBe(1);
  });

  it('refuses a short password at accept with a field error and keeps the link usable', async () => {
    const { admin } = await createWorkspace(app.url);
    const { token } = await invite(admin);
    const short = new ApiUser(app.url).http.auth.acceptInvite.mutate({ token, name: 'Ivy', password: 'short' });
    const refusal = await refusalOf(short);
    expect(refusal.code).toBe('BAD_REQUEST');
    expect(refusal.fieldErrors?.password).toHaveLength(1);
    await expect(accept(token)).resolves.toMatchObject({ user: { role: 'AGENT' } });
  });
});

describe('roles', () => {
  it.each(['AGENT', 'SUPERVISOR'] as const)('refuses %s every admin procedure (FORBIDDEN), changing nothing', async (role) => {
    const { admin, me } = await createWorkspace(app.url);
    const { member } = await addMember(app.url, admin, role);
    const pending = await invite(admin);
    const refusals = await Promise.all([
      refusalOf(member.http.team.invite.mutate({ email: uniqueEmail(), role: 'AGENT' })),
      refusalOf(member.http.team.listInvites.query()),
      refusalOf(member.http.team.revokeInvite.mutate({ inviteId: pending.invite.id })),
      refusalOf(member.http.team.changeRole.mutate({ userId: me.user.id, role: 'AGENT' })),
      refusalOf(member.http.team.deactivate.mutate({ userId: me.user.id })),
    ]);
    expect(refusals.map((r) => [r.code, r.appCode])).toEqual(refusals.map(() => ['FORBIDDEN', 'FORBIDDEN']));
    expect(await admin.http.team.listInvites.query()).toEqual([pending.invite]);
    expect((await admin.http.auth.me.query()).user).toMatchObject({ role: 'ADMIN', status: 'ACTIVE' });
  });

  it.each(['AGENT', 'SUPERVISOR'] as const)('lets %s list members and edit their own profile', async (role) => {
    const { admin } = await createWorkspace(app.url);
    const { member, me } = await addMember(app.url, admin, role);
    expect((await member.http.team.listMembers.query()).map((m) => m.id)).toContain(me.user.id);
    const profile = { name: 'New Name', title: 'Closer', phone: '+1 555 0100', emailSignature: 'Best,\nNew' };
    expect(await member.http.team.updateProfile.mutate(profile)).toMatchObject({ id: me.user.id, ...profile, role });
  });

  it('applies a role change to the member’s next call, over HTTP and over an already-open WebSocket', async () => {
    const { admin } = await createWorkspace(app.url);
    const { member, me } = await addMember(app.url, admin, 'AGENT');
    const { wsClient } = member.live();
    onTestFinished(() => member.close());
    const overSocket = createTRPCClient<AppRouter>({ links: [wsLink({ client: wsClient })] });

    expect(await refusalOf(overSocket.team.listInvites.query())).toMatchObject({ code: 'FORBIDDEN' });
    const promoted = await admin.http.team.changeRole.mutate({ userId: me.user.id, role: 'ADMIN' });
    expect(promoted).toMatchObject({ id: me.user.id, role: 'ADMIN' });
    await expect(member.http.team.listInvites.query()).resolves.toEqual([]);
    await expect(overSocket.team.listInvites.query()).resolves.toEqual([]);
    expect((await overSocket.auth.me.query()).user.role).toBe('ADMIN');

    // And back: a demotion is as immediate on the open socket.
    await admin.http.team.changeRole.mutate({ userId: me.user.id, role: 'AGENT' });
    expect(await refusalOf(overSocket.team.listInvites.query())).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refusalOf(member.http.team.listInvites.query())).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('never leaves a workspace without an active admin (PRECONDITION_FAILED)', async () => {
    const { admin, me } = await createWorkspace(app.url);
    await addMember(app.url, admin, 'SUPERVISOR');
    for (const role of ['SUPERVISOR', 'AGENT'] as const) {
      const refusal = await refusalOf(admin.http.team.changeRole.mutate({ userId: me.user.id, role }));
      expect(refusal).toMatchObject({ code: 'PRECONDITION_FAILED', appCode: 'INVALID_STATE' });
    }
    const refusal = await refusalOf(admin.http.team.deactivate.mutate({ userId: me.user.id }));
    expect(refusal).toMatchObject({ code: 'PRECONDITION_FAILED', appCode: 'INVALID_STATE' });
    expect((await admin.http.auth.me.query()).user).toMatchObject({ role: 'ADMIN', status: 'ACTIVE' });
  });

  it('refuses an admin deactivating themself even when another admin remains', async () => {
    const { admin, me } = await createWorkspace(app.url);
    const { member: secondAdmin } = await addMember(app.url, admin, 'ADMIN');
    const refusal = await refusalOf(admin.http.team.deactivate.mutate({ userId: me.user.id }));
    expect(refusal).toMatchObject({ code: 'PRECONDITION_FAILED', appCode: 'INVALID_STATE' });
    // With a second admin, stepping down to a lesser role is fine.
    await expect(admin.http.team.changeRole.mutate({ userId: me.user.id, role: 'AGENT' })).resolves.toMatchObject({ role: 'AGENT' });
    await expect(secondAdmin.http.team.listInvites.query()).resolves.toEqual([]);
  });

  it('keeps one admin when the only two demote each other at the same moment', async () => {
    const { admin: first, me: firstMe, tenantId } = await createWorkspace(app.url);
    const { member: second, me: secondMe } = await addMember(app.url, first, 'ADMIN');
    const { won, lost } = await settle([
      first.http.team.changeRole.mutate({ userId: secondMe.user.id, role: 'AGENT' }),
      second.http.team.changeRole.mutate({ userId: firstMe.user.id, role: 'AGENT' }),
    ]);
    expect(won).toHaveLength(1);
    // The loser either saw the winner's commit at its role check or under the admin lock.
    expect(['FORBIDDEN', 'PRECONDITION_FAILED']).toContain(lost[0]?.code);
    expect(await app.deps.db.user.count({ where: { tenantId, role: 'ADMIN', status: 'ACTIVE' } })).toBe(1);
  });
});
