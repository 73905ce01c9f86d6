import { request } from 'node:http';
import { createServer } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import WebSocket from 'ws';
import { ApiUser } from '../support/api-client.ts';
import { createWorkspace, PASSWORD, uniqueEmail } from '../support/factories.ts';
import { startServerProcess } from '../support/server-process.ts';

/** A port below 32768 (the embedded Postgres needs one outside the ephemeral range) that is free now. */
const freeLowPort = async (): Promise<number> => {
  for (;;) {
    const candidate = 20_000 + Math.floor(Math.random() * 10_000);
    const free = await new Promise<boolean>((done) => {
      const probe = createServer().once('error', () => done(false));
      probe.listen(candidate, '127.0.0.1', () => probe.close(() => done(true)));
    });
    if (free) return candidate;
  }
};

describe('npm start with no DATABASE_URL (embedded Postgres)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'switchboard-embedded-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('seeds a demo workspace once, prints its random login, keeps data between runs and stops cleanly', async () => {
    const env = { DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(await freeLowPort()), SERVE_CLIENT: 'false' };
    const loginLine = (line: string) => line.includes('Demo login:');

    const first = await startServerProcess(env);
    const [, email, password] = /Demo login: (\S+) \/ (\S+)/.exec(await first.waitForLine(loginLine)) ?? [];
    expect(password).toMatch(/^[\w-]{12,}$/);
    const health = await (await fetch(`${first.url}/healthz`)).json();
    expect(health).toMatchObject({ ok: true, database: 'ok', redis: 'not configured', bus: 'in-process', queue: 'in-process' });
    const admin = new ApiUser(first.url);
    const me = await admin.http.auth.signIn.mutate({ email: email!, password: password! });
    expect(me).toMatchObject({ workspace: { name: 'Demo workspace' }, user: { role: 'ADMIN' } });
    await admin.http.team.invite.mutate({ email: uniqueEmail('kept'), role: 'AGENT' });
    expect(await first.stop()).toBe(0);

    const second = await startServerProcess(env);
    expect(await second.waitForLine(loginLine)).toContain(`${email} / ${password}`);
    const again = new ApiUser(second.url);
    await again.http.auth.signIn.mutate({ email: email!, password: password! });
    expect(await again.http.team.listInvites.query()).toHaveLength(1);
    expect(await second.stop()).toBe(0);
  }, 120_000);
});

describe('graceful shutdown', () => {
  it('finishes an in-flight request, tells WebSocket clients to reconnect, and exits 0', async () => {
    const server = await startServerProcess({ DATABASE_URL: inject('databaseUrl'), SERVE_CLIENT: 'false' });
    const { admin } = await createWorkspace(server.url);

    const socket = new WebSocket(`ws://127.0.0.1:${server.port}/trpc`, { headers: { cookie: admin.cookie } });
    await new Promise((done) => socket.once('open', done));
    const messages: string[] = [];
    socket.on('message', (data) => messages.push(String(data)));
    const socketClosed = new Promise<number>((done) => socket.once('close', (code) => done(code)));

    // Expect: 100-continue lets us know the server has parsed the request before we send its body.
    const body = JSON.stringify({ workspaceName: 'Late', name: 'Late Larry', email: uniqueEmail('late'), password: PASSWORD });
    const inFlight = request(`${server.url}/trpc/auth.signUp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), expect: '100-continue' },
    });
    const response = new Promise<number>((done, fail) => {
      inFlight.once('response', (res) => {
        res.resume();
        done(res.statusCode ?? 0);
      });
      inFlight.once('error', fail);
    });
    await new Promise((done) => inFlight.once('continue', done));

    const exitCode = server.stop();
    await server.waitForLine((line) => line.includes('"msg":"shutting down"'));
    inFlight.end(body);

    expect(await response).toBe(200);
    expect(await socketClosed).toBe(1012);
    expect(messages.map((m) => JSON.parse(m))).toContainEqual({ id: null, method: 'reconnect' });
    expect(await exitCode).toBe(0);
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  });
});
