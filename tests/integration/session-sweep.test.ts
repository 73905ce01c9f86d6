import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { hashToken } from '../../server/auth/token.ts';
import { SESSION_ENDED_CLOSE_CODE } from '../../server/realtime/socket-registry.ts';
import { createWorkspace } from '../support/factories.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

/**
 * Sign-outs and deactivations close sockets through a bus message. These sessions end with no
 * message at all (as if it were lost, or by expiry): the node's own periodic check finds them.
 */
describe('session sweep', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ sessionSweepMs: 100 });
  });
  afterAll(() => app.stop());

  const open = async (cookie: string) => {
    const ws = new WebSocket(`${app.url.replace(/^http/, 'ws')}/trpc`, { headers: { cookie, origin: app.url } });
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return { ws, closed };
  };
  const sessionId = (cookie: string) => hashToken(decodeURIComponent(cookie.split('=')[1]!.split(';')[0]!));

  it('closes the sockets of a deleted, an expired or a deactivated session, and keeps the others', async () => {
    const [deleted, expired, deactivated, kept] = await Promise.all([1, 2, 3, 4].map(() => createWorkspace(app.url)));
    const sockets = await Promise.all([deleted!, expired!, deactivated!, kept!].map((w) => open(w.admin.cookie)));
    await app.deps.db.session.deleteMany({ where: { id: sessionId(deleted!.admin.cookie) } });
    await app.deps.db.session.updateMany({ where: { id: sessionId(expired!.admin.cookie) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await app.deps.db.user.updateMany({ where: { id: deactivated!.me.user.id }, data: { status: 'DEACTIVATED' } });
    const codes = await Promise.all(sockets.slice(0, 3).map((s) => s.closed));
    expect(codes).toEqual([SESSION_ENDED_CLOSE_CODE, SESSION_ENDED_CLOSE_CODE, SESSION_ENDED_CLOSE_CODE]);
    // Checked by the same sweeps (one query for every session on the node), and still open.
    expect(sockets[3]!.ws.readyState).toBe(WebSocket.OPEN);
    sockets[3]!.ws.close();
  });
});
