/**
 * Team changes reach teammates live on `events.stream`, in order, each carrying the entity
 * snapshot a client patches its cache with.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PASSWORD, addMember, createWorkspace, inviteToken, uniqueEmail, watchEvents } from '../support/factories.ts';
import { ApiUser } from '../support/api-client.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.stop());

it('updates the caller’s own profile and shows the change to a teammate as member.profile_updated', async () => {
  const { admin } = await createWorkspace(app.url);
  const { member: agent, me } = await addMember(app.url, admin, 'AGENT');
  const adminStream = watchEvents(admin);
  const profile = { name: 'Alex Agent', title: 'Account executive', phone: '+44 20 7946 0000', emailSignature: 'Cheers,\nAlex' };

  const updated = await agent.http.team.updateProfile.mutate(profile);
  expect(updated).toMatchObject({ id: me.user.id, role: 'AGENT', ...profile });

  const event = await adminStream.next((e) => e.type === 'member.profile_updated');
  expect(event).toMatchObject({ actorId: me.user.id, payload: { member: updated } });
  expect((await agent.http.auth.me.query()).user).toEqual(updated);
  expect((await admin.http.team.listMembers.query()).find((m) => m.id === me.user.id)).toEqual(updated);
});

it('shows invited, joined, role_changed, profile_updated, invite_revoked and deactivated to a teammate, in order, with snapshots', async () => {
  const { admin, me: adminMe, tenantId } = await createWorkspace(app.url, 'Events Co');
  const { member: supervisor, me: supervisorMe } = await addMember(app.url, admin, 'SUPERVISOR');
  const stream = watchEvents(supervisor);
  // The replay has reached the supervisor's own join: everything after it is new.
  const joinedSelf = await stream.next((e) => e.type === 'member.joined' && e.actorId === supervisorMe.user.id);

  const email = uniqueEmail('newcomer');
  const { invite, inviteUrl } = await admin.http.team.invite.mutate({ email, role: 'AGENT' });
  const newcomer = new ApiUser(app.url);
  const joined = await newcomer.http.auth.acceptInvite.mutate({ token: inviteToken(inviteUrl), name: 'Nia New', password: PASSWORD });
  const promoted = await admin.http.team.changeRole.mutate({ userId: joined.user.id, role: 'SUPERVISOR' });
  const profiled = await newcomer.http.team.updateProfile.mutate({ name: 'Nia N.', title: 'Lead', phone: '', emailSignature: '' });
  const other = await admin.http.team.invite.mutate({ email: uniqueEmail('other'), role: 'AGENT' });
  await admin.http.team.revokeInvite.mutate({ inviteId: other.invite.id });
  const deactivated = await admin.http.team.deactivate.mutate({ userId: joined.user.id });

  const seen = await stream.until((events) => events.some((e) => e.type === 'member.deactivated'));
  const after = seen.filter((e) => e.seq > joinedSelf.seq);
  expect(after).toMatchObject([
    { type: 'member.invited', actorId: adminMe.user.id, payload: { invite } },
    { type: 'member.joined', actorId: joined.user.id, payload: { member: joined.user, inviteId: invite.id } },
    { type: 'member.role_changed', actorId: adminMe.user.id, payload: { member: promoted, previousRole: 'AGENT' } },
    { type: 'member.profile_updated', actorId: joined.user.id, payload: { member: profiled } },
    { type: 'member.invited', actorId: adminMe.user.id, payload: { invite: other.invite } },
    { type: 'member.invite_revoked', actorId: adminMe.user.id, payload: { inviteId: other.invite.id } },
    { type: 'member.deactivated', actorId: adminMe.user.id, payload: { member: deactivated } },
  ]);
  // Gap-free, in order, all of this workspace.
  expect(after.map((e) => e.seq)).toEqual(after.map((_, i) => joinedSelf.seq + 1 + i));
  expect(new Set(seen.map((e) => e.tenantId))).toEqual(new Set([tenantId]));
  expect(deactivated.status).toBe('DEACTIVATED');
  expect(profiled.role).toBe('SUPERVISOR');
});

it('resumes after the last event a client saw, without repeating it', async () => {
  const { admin } = await createWorkspace(app.url);
  const first = watchEvents(admin);
  await admin.http.team.invite.mutate({ email: uniqueEmail(), role: 'AGENT' });
  const invited = await first.next((e) => e.type === 'member.invited');
  await first.stop();

  await admin.http.team.invite.mutate({ email: uniqueEmail(), role: 'SUPERVISOR' });
  const resumed = watchEvents(admin, String(invited.seq));
  const [next] = await resumed.until((events) => events.length > 0);
  expect(next).toMatchObject({ seq: invited.seq + 1, type: 'member.invited', payload: { invite: { role: 'SUPERVISOR' } } });
});
