import { randomUUID } from 'node:crypto';
/**
 * Deactivating a member ends every session of theirs at once, including open WebSockets, with the
 * in-process bus and with Redis (where the socket may sit on another server process).
 */
import { afterAll, beforeAll, describe, expect, inject, it, onTestFinished } from 'vitest';
import { ApiUser } from '../support/api-client.ts';
import {
  PASSWORD,
  addMember,
  closed,
  createWorkspace,
  nextCloseCode,
  refusalOf,
  signIn,
  upgrade,
  watchEvents,
} from '../support/factories.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

/** An open, authenticated WebSocket to `baseUrl` carrying `user`'s cookie. */
const openSocket = async (baseUrl: string, user: ApiUser) => {
  const { socket, status } = await upgrade(baseUrl, { cookie: user.cookie, origin: baseUrl });
  expect(status).toBe(101);
  return socket!;
};

describe.each([
  { mode: 'in-process', redis: false },
  { mode: 'redis', redis: true },
])('deactivating a member ($mode)', ({ redis }) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ redis });
  });
  afterAll(() => app?.stop());

  it('ends all their sessions at once: HTTP calls and sign-in refused, open WebSocket closed with 4401', async () => {
    const { admin } = await createWorkspace(app.url);
    const { member, me, email } = await addMember(app.url, admin, 'AGENT');
    const { user: otherBrowser } = await signIn(app.url, email);
    const memberSocket = await openSocket(app.url, member);
    const adminSocket = await openSocket(app.url, admin);
    const memberClosed = closed(memberSocket);

    const result = await admin.http.team.deactivate.mutate({ userId: me.user.id });
    expect(result).toMatchObject({ id: me.user.id, status: 'DEACTIVATED' });

    expect((await memberClosed).code).toBe(4401);
    expect(adminSocket.readyState).toBe(adminSocket.OPEN);
    for (const session of [member, otherBrowser]) {
      expect(await refusalOf(session.http.auth.me.query())).toMatchObject({ code: 'UNAUTHORIZED' });
    }
    expect(await app.deps.db.session.count({ where: { userId: me.user.id } })).toBe(0);
    expect(await refusalOf(signIn(app.url, email))).toMatchObject({ code: 'UNAUTHORIZED' });
    expect((await upgrade(app.url, { cookie: member.cookie, origin: app.url })).status).toBe(401);

    const listed = (await admin.http.team.listMembers.query()).find((m) => m.id === me.user.id);
    expect(listed?.status).toBe('DEACTIVATED');
  });

  it('closes a deactivated member’s live event stream with 4401', async () => {
    const { admin } = await createWorkspace(app.url);
    const { member, me } = await addMember(app.url, admin, 'SUPERVISOR');
    const stream = watchEvents(member);
    await stream.next((e) => e.type === 'member.joined' && e.actorId === me.user.id);
    const closeCode = nextCloseCode(stream.wsClient);

    await admin.http.team.deactivate.mutate({ userId: me.user.id });
    expect(await closeCode).toBe(4401);
  });

  it('closes a socket whose upgrade checked the session just before the deactivation committed', async () => {
    const { admin } = await createWorkspace(app.url);
    const { member, me } = await addMember(app.url, admin, 'AGENT');
    // Force the interleaving: the upgrade's session check reads the still-active session, then its
    // answer is held until this node has heard of the deactivation, so the socket registers after
    // the close-everything message went by.
    const heard = new Promise<void>((resolve) => {
      void app.deps.bus.subscribeControl((message) => message.type === 'sessions.revoked' && message.userId === me.user.id && resolve());
    });
    const lucia = app.deps.lucia;
    const validate = lucia.validateSession.bind(lucia);
    let held = false;
    lucia.validateSession = async (token) => {
      const result = await validate(token);
      if (held) return result;
      held = true;
      void admin.http.team.deactivate.mutate({ userId: me.user.id });
      await heard;
      return result;
    };
    onTestFinished(() => void (lucia.validateSession = validate));

    const { socket, status } = await upgrade(app.url, { cookie: member.cookie, origin: app.url });
    expect(status).toBe(101);
    expect((await closed(socket!)).code).toBe(4401);
  });

  it('refuses to deactivate or re-role someone already deactivated (PRECONDITION_FAILED)', async () => {
    const { admin } = await createWorkspace(app.url);
    const { me } = await addMember(app.url, admin, 'AGENT');
    await admin.http.team.deactivate.mutate({ userId: me.user.id });
    const refusals = await Promise.all([
      refusalOf(admin.http.team.deactivate.mutate({ userId: me.user.id })),
      refusalOf(admin.http.team.changeRole.mutate({ userId: me.user.id, role: 'ADMIN' })),
    ]);
    expect(refusals).toMatchObject([
      { code: 'PRECONDITION_FAILED', appCode: 'INVALID_STATE' },
      { code: 'PRECONDITION_FAILED', appCode: 'INVALID_STATE' },
    ]);
  });

  it('keeps the address taken: a deactivated member cannot sign up again or be re-invited', async () => {
    const { admin } = await createWorkspace(app.url);
    const { me, email } = await addMember(app.url, admin, 'AGENT');
    await admin.http.team.deactivate.mutate({ userId: me.user.id });
    expect(await refusalOf(admin.http.team.invite.mutate({ email, role: 'AGENT' }))).toMatchObject({ code: 'CONFLICT' });
    const signUp = new ApiUser(app.url).http.auth.signUp.mutate({ workspaceName: 'Escape', name: 'Ex', email, password: PASSWORD });
    expect(await refusalOf(signUp)).toMatchObject({ code: 'CONFLICT' });
  });
});

describe('deactivating a member with two server processes on one Redis', () => {
  let nodeA: TestApp;
  let nodeB: TestApp;
  beforeAll(async () => {
    const redisPrefix = `${inject('redisPrefix')}-pair-${randomUUID().slice(0, 8)}`;
    [nodeA, nodeB] = await Promise.all([startTestApp({ redis: true, redisPrefix }), startTestApp({ redis: true, redisPrefix })]);
  });
  afterAll(() => Promise.all([nodeA?.stop(), nodeB?.stop()]));

  it('closes the member’s WebSocket on the other process and refuses their sessions there', async () => {
    const { admin } = await createWorkspace(nodeA.url);
    const { member, me } = await addMember(nodeA.url, admin, 'AGENT');
    const onB = Object.assign(new ApiUser(nodeB.url), { cookie: member.cookie });
    const socketOnB = await openSocket(nodeB.url, onB);
    const socketClosed = closed(socketOnB);

    await admin.http.team.deactivate.mutate({ userId: me.user.id });

    expect((await socketClosed).code).toBe(4401);
    expect(await refusalOf(onB.http.auth.me.query())).toMatchObject({ code: 'UNAUTHORIZED' });
  });
});
