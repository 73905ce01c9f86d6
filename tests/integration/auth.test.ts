/**
 * Sign-up, sign-in and sign-out against the real server: cookies, sessions in Postgres (hashed),
 * refusals by code. Rate limiting lives in sign-in-limits.test.ts.
 */
import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiUser } from '../support/api-client.ts';
import {
  PASSWORD,
  closed,
  createWorkspace,
  postMutation,
  refusalOf,
  sessionCookieOf,
  settle,
  signIn,
  uniqueEmail,
  upgrade,
} from '../support/factories.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.stop());

const signUpInput = (email = uniqueEmail('founder'), workspaceName = `Workspace ${randomUUID()}`) => ({
  workspaceName,
  name: 'Fay Founder',
  email,
  password: PASSWORD,
});

/** An ApiUser that carries exactly `cookie`, e.g. a copy kept from before a sign-out. */
const withCookie = (cookie: string) => Object.assign(new ApiUser(app.url), { cookie });

describe('sign-up', () => {
  it('creates a workspace with the caller as its only member, an ADMIN, and signs them in', async () => {
    const input = signUpInput();
    const res = await postMutation(app.url, 'auth.signUp', input);
    expect(res.status).toBe(200);
    const cookie = sessionCookieOf(res);

    const founder = withCookie(cookie.pair);
    const me = await founder.http.auth.me.query();
    expect(me.workspace.name).toBe(input.workspaceName);
    expect(me.user).toMatchObject({ email: input.email, name: input.name, role: 'ADMIN', status: 'ACTIVE' });
    expect(await founder.http.team.listMembers.query()).toEqual([me.user]);
  });

  it('sets an HttpOnly, SameSite=Lax session cookie that is not Secure over plain http', async () => {
    const cookie = sessionCookieOf(await postMutation(app.url, 'auth.signUp', signUpInput()));
    expect(cookie.attributes).toContain('httponly');
    expect(cookie.attributes).toContain('samesite=lax');
    expect(cookie.attributes).toContain('path=/');
    expect(cookie.attributes).not.toContain('secure');
  });

  it('marks the session cookie Secure when PUBLIC_URL is https, and builds invite links on PUBLIC_URL', async () => {
    const httpsApp = await startTestApp({ env: { PUBLIC_URL: 'https://crm.example.test' } });
    try {
      const cookie = sessionCookieOf(await postMutation(httpsApp.url, 'auth.signUp', signUpInput()));
      expect(cookie.attributes).toContain('secure');
      expect(cookie.attributes).toContain('httponly');
      expect(cookie.attributes).toContain('samesite=lax');
      const founder = Object.assign(new ApiUser(httpsApp.url), { cookie: cookie.pair });
      const { inviteUrl } = await founder.http.team.invite.mutate({ email: uniqueEmail(), role: 'AGENT' });
      expect(inviteUrl).toMatch(/^https:\/\/crm\.example\.test\/invite\/[\w-]{20,}$/);
    } finally {
      await httpsApp.stop();
    }
  });

  it('refuses an email that already has an account, whatever its letter case (CONFLICT)', async () => {
    const { email } = await createWorkspace(app.url);
    const again = new ApiUser(app.url);
    const refusal = await refusalOf(again.http.auth.signUp.mutate(signUpInput(email.toUpperCase())));
    expect(refusal).toMatchObject({ code: 'CONFLICT', appCode: 'CONFLICT' });
    expect(again.cookie).toBe('');
  });

  it('lets exactly one of two concurrent sign-ups with one email win, leaving no orphan workspace', async () => {
    const email = uniqueEmail('racer');
    const workspaceName = `Race ${randomUUID()}`;
    const { won, lost } = await settle([
      new ApiUser(app.url).http.auth.signUp.mutate(signUpInput(email, workspaceName)),
      new ApiUser(app.url).http.auth.signUp.mutate(signUpInput(email.toUpperCase(), workspaceName)),
    ]);
    expect(won).toHaveLength(1);
    expect(lost).toMatchObject([{ code: 'CONFLICT', appCode: 'CONFLICT' }]);
    expect(await app.deps.db.user.count({ where: { email } })).toBe(1);
    expect(await app.deps.db.tenant.count({ where: { name: workspaceName } })).toBe(1);
  });

  it('refuses a password shorter than 10 characters with a field error, creating nothing', async () => {
    const input = { ...signUpInput(), password: '123456789' };
    const refusal = await refusalOf(new ApiUser(app.url).http.auth.signUp.mutate(input));
    expect(refusal.code).toBe('BAD_REQUEST');
    expect(refusal.fieldErrors?.password).toHaveLength(1);
    expect(await app.deps.db.user.count({ where: { email: input.email } })).toBe(0);
  });

  it('stores only the SHA-256 of the session token, never the token itself', async () => {
    const cookie = sessionCookieOf(await postMutation(app.url, 'auth.signUp', signUpInput()));
    const sha256 = createHash('sha256').update(cookie.token).digest('hex');
    expect(await app.deps.db.session.findUnique({ where: { id: cookie.token } })).toBeNull();
    expect(await app.deps.db.session.findUnique({ where: { id: sha256 } })).not.toBeNull();
    // And no stored id contains the token in any other form.
    const rows = await app.deps.db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM "Session" WHERE position(${cookie.token} in id) > 0`;
    expect(Number(rows[0]!.n)).toBe(0);
  });
});

describe('sign-in and sign-out', () => {
  it('signs in with the right password, the email in any letter case', async () => {
    const { email, me } = await createWorkspace(app.url);
    const { user, me: signedIn } = await signIn(app.url, email.toUpperCase());
    expect(signedIn).toEqual(me);
    expect((await user.http.auth.me.query()).user.id).toBe(me.user.id);
  });

  it('refuses a wrong password and an unknown email with one and the same error (UNAUTHORIZED)', async () => {
    const { email } = await createWorkspace(app.url);
    const wrongPassword = await refusalOf(signIn(app.url, email, 'not the password'));
    const unknownEmail = await refusalOf(signIn(app.url, uniqueEmail('nobody'), 'not the password'));
    expect(wrongPassword).toMatchObject({ code: 'UNAUTHORIZED', appCode: 'UNAUTHENTICATED' });
    expect(unknownEmail).toEqual(wrongPassword);
  });

  it('ends the session on sign-out: the old cookie is refused, other sessions of the person stay', async () => {
    const { admin, email } = await createWorkspace(app.url);
    const { user: otherBrowser } = await signIn(app.url, email);
    const oldCookie = admin.cookie;

    const res = await postMutation(app.url, 'auth.signOut', undefined, { cookie: oldCookie });
    expect(res.status).toBe(200);
    const cleared = sessionCookieOf(res);
    expect(cleared.token).toBe('');
    expect(cleared.attributes).toContain('max-age=0');

    expect(await refusalOf(withCookie(oldCookie).http.auth.me.query())).toMatchObject({ code: 'UNAUTHORIZED' });
    expect(await refusalOf(withCookie(oldCookie).http.auth.signOut.mutate())).toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(otherBrowser.http.auth.me.query()).resolves.toMatchObject({ user: { email } });
  });

  it('closes the signed-out session’s open WebSockets, and only those', async () => {
    const { admin, email } = await createWorkspace(app.url);
    const { user: otherBrowser } = await signIn(app.url, email);
    const mine = await upgrade(app.url, { cookie: admin.cookie });
    const theirs = await upgrade(app.url, { cookie: otherBrowser.cookie });
    if (!mine.socket || !theirs.socket) throw new Error('upgrade refused');
    const theirsClosed = vi.fn();
    theirs.socket.once('close', theirsClosed);

    const mineClosed = closed(mine.socket);
    await admin.http.auth.signOut.mutate();
    expect((await mineClosed).code).toBe(4401);
    // The other browser's socket still answers a ping: it was left open.
    await new Promise<void>((done) => theirs.socket.once('pong', () => done()).ping());
    expect(theirsClosed).not.toHaveBeenCalled();
  });

  it('refuses every authenticated procedure without a session (UNAUTHORIZED)', async () => {
    const anonymous = new ApiUser(app.url);
    const forged = withCookie('sb_session=not-a-real-session-token');
    const id = randomUUID();
    for (const user of [anonymous, forged]) {
      const calls = [
        user.http.auth.me.query(),
        user.http.auth.signOut.mutate(),
        user.http.team.listMembers.query(),
        user.http.team.listInvites.query(),
        user.http.team.invite.mutate({ email: uniqueEmail(), role: 'AGENT' }),
        user.http.team.revokeInvite.mutate({ inviteId: id }),
        user.http.team.changeRole.mutate({ userId: id, role: 'ADMIN' }),
        user.http.team.deactivate.mutate({ userId: id }),
        user.http.team.updateProfile.mutate({ name: 'X', title: '', phone: '', emailSignature: '' }),
      ];
      const refusals = await Promise.all(calls.map(refusalOf));
      expect(refusals.map((r) => r.code)).toEqual(calls.map(() => 'UNAUTHORIZED'));
    }
  });
});
