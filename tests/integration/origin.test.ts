/**
 * Cross-site protection at the edge: HTTP mutations and the WebSocket upgrade refuse a foreign
 * Origin (the server's own, PUBLIC_URL's and ALLOWED_ORIGINS are admitted); the upgrade needs a
 * valid session cookie. Also `/healthz`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace, postMutation, sessionCookieOf, uniqueEmail, PASSWORD, upgrade } from '../support/factories.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const EVIL = 'https://evil.example';
const ALLOWED = 'https://app.example.test';
const PUBLIC = 'https://crm.example.test';

let app: TestApp;
let configured: TestApp;
beforeAll(async () => {
  [app, configured] = await Promise.all([
    startTestApp(),
    startTestApp({ redis: true, env: { ALLOWED_ORIGINS: `${ALLOWED}, http://other.example.test`, PUBLIC_URL: PUBLIC } }),
  ]);
});
afterAll(() => Promise.all([app?.stop(), configured?.stop()]));

const signUpInput = () => ({ workspaceName: 'Origin Co', name: 'Olga', email: uniqueEmail('origin'), password: PASSWORD });

describe('HTTP mutations', () => {
  it.each([EVIL, 'null', `${EVIL}:443`, 'not a url'])('refuses Origin %s with 403 and writes nothing', async (origin) => {
    const input = signUpInput();
    const res = await postMutation(app.url, 'auth.signUp', input, { origin });
    expect(res.status).toBe(403);
    expect(res.headers.getSetCookie()).toEqual([]);
    expect(await app.deps.db.user.count({ where: { email: input.email } })).toBe(0);
  });

  it('refuses a foreign-Origin mutation that carries a valid session cookie, writing nothing', async () => {
    const { admin } = await createWorkspace(app.url);
    const email = uniqueEmail('csrf');
    const res = await postMutation(app.url, 'team.invite', { email, role: 'ADMIN' }, { cookie: admin.cookie, origin: EVIL });
    expect(res.status).toBe(403);
    // Nor can a GET smuggle the mutation past the check: tRPC does not run mutations over GET.
    const input = encodeURIComponent(JSON.stringify({ email, role: 'ADMIN' }));
    const get = await fetch(`${app.url}/trpc/team.invite?input=${input}`, { headers: { cookie: admin.cookie, origin: EVIL } });
    expect(get.ok).toBe(false);
    expect(await admin.http.team.listInvites.query()).toEqual([]);
    expect(await app.deps.db.invite.count({ where: { email } })).toBe(0);
  });

  it('accepts a same-origin mutation', async () => {
    const input = signUpInput();
    const res = await postMutation(app.url, 'auth.signUp', input, { origin: app.url });
    expect(res.status).toBe(200);
    expect(sessionCookieOf(res).token).not.toBe('');
  });

  it('accepts origins from ALLOWED_ORIGINS and PUBLIC_URL, and still refuses others', async () => {
    for (const origin of [ALLOWED, 'http://other.example.test', PUBLIC, configured.url]) {
      expect((await postMutation(configured.url, 'auth.signUp', signUpInput(), { origin })).status).toBe(200);
    }
    expect((await postMutation(configured.url, 'auth.signUp', signUpInput(), { origin: EVIL })).status).toBe(403);
    expect((await postMutation(configured.url, 'auth.signUp', signUpInput(), { origin: `${ALLOWED}.evil.example` })).status).toBe(403);
  });
});

describe('WebSocket upgrade', () => {
  it('refuses a foreign Origin with 403 even with a valid session cookie', async () => {
    const { admin } = await createWorkspace(app.url);
    expect((await upgrade(app.url, { cookie: admin.cookie, origin: EVIL })).status).toBe(403);
    expect((await upgrade(app.url, { cookie: admin.cookie, origin: 'null' })).status).toBe(403);
  });

  it('refuses an upgrade without a session cookie, or with an unknown one, with 401', async () => {
    expect((await upgrade(app.url, { origin: app.url })).status).toBe(401);
    expect((await upgrade(app.url, { origin: app.url, cookie: 'sb_session=forged-token' })).status).toBe(401);
  });

  it('accepts the own origin with a valid cookie, and a client that sends no Origin', async () => {
    const { admin } = await createWorkspace(app.url);
    expect((await upgrade(app.url, { cookie: admin.cookie, origin: app.url })).status).toBe(101);
    expect((await upgrade(app.url, { cookie: admin.cookie })).status).toBe(101);
  });

  it('accepts a configured ALLOWED_ORIGINS or PUBLIC_URL origin, and still refuses others', async () => {
    const { admin } = await createWorkspace(configured.url);
    expect((await upgrade(configured.url, { cookie: admin.cookie, origin: ALLOWED })).status).toBe(101);
    expect((await upgrade(configured.url, { cookie: admin.cookie, origin: PUBLIC })).status).toBe(101);
    expect((await upgrade(configured.url, { cookie: admin.cookie, origin: EVIL })).status).toBe(403);
  });
});

describe('GET /healthz', () => {
  it('reports the database ok and Redis not configured in single-node mode', async () => {
    const res = await fetch(`${app.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, database: 'ok', redis: 'not configured', bus: 'in-process', queue: 'in-process' });
  });

  it('reports the database and Redis ok in Redis mode', async () => {
    const res = await fetch(`${configured.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, database: 'ok', redis: 'ok', bus: 'redis', queue: 'bullmq' });
  });
});
