import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { existsSync } from 'node:fs';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import sirv from 'sirv';
import { WebSocketServer } from 'ws';
import type { Deps } from '../deps.ts';
import { SESSION_ENDED_CLOSE_CODE, SocketRegistry } from '../realtime/socket-registry.ts';
import { startSessionSweep } from '../realtime/session-sweep.ts';
import { trackAgentSockets } from '../realtime/agent-presence.ts';
import { createWsEdge, EdgeSocket, type KeepAlive } from '../realtime/ws-edge.ts';
import { rememberUpgradeCheck } from '../realtime/upgrade-check.ts';
import { hashToken } from '../auth/token.ts';
import { appRouter } from '../trpc/app-router.ts';
import { createContextFactory } from '../trpc/context.ts';
import { checkHealth } from './health.ts';
import { isOriginAllowed } from './request-info.ts';
import { routeRaw } from './raw-routes.ts';

export type RunningServer = {
  port: number;
  url: string;
  sockets: SocketRegistry;
  /** Graceful: stop accepting, tell WebSocket clients to reconnect elsewhere, finish in-flight requests. */
  stop: () => Promise<void>;
};

const MAX_BODY_BYTES = 1024 * 1024;

const refuseUpgrade = (socket: Duplex, status: number, reason: string) => {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
};

const sendJson = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
};

export const startServer = async (
  deps: Deps,
  /**
   * `keepAlive`: when the WebSocket edge pings a quiet client, and how long it waits for the answer;
   * `sessionSweepMs`: how often open sockets' sessions are checked (tests shorten both).
   */
  opts: { port: number; host?: string; clientDir?: string | null; keepAlive?: KeepAlive; sessionSweepMs?: number },
): Promise<RunningServer> => {
  const { config, log } = deps;
  const createContext = createContextFactory(deps);
  const trpc = createHTTPHandler({
    router: appRouter,
    createContext,
    basePath: '/trpc/',
    maxBodySize: MAX_BODY_BYTES,
    onError: ({ error, path }) => {
      if (error.code === 'INTERNAL_SERVER_ERROR') log.error({ err: error.cause ?? error, path }, 'unhandled error');
    },
  });
  const serveClient =
    opts.clientDir && existsSync(opts.clientDir) ? sirv(opts.clientDir, { single: true, etag: true, gzip: true }) : null;

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path === '/healthz') {
      void checkHealth(deps).then((health) => sendJson(res, health.ok ? 200 : 503, health));
      return;
    }
    if ((path.startsWith('/webhooks/') || path.startsWith('/media/')) && routeRaw(deps, req, res, path)) return;
    if (path.startsWith('/trpc/')) {
      if (req.method !== 'GET' && !isOriginAllowed(req, allowedOrigins)) {
        sendJson(res, 403, { error: 'Cross-origin request refused' });
        return;
      }
      trpc(req, res);
      return;
    }
    if (serveClient) {
      serveClient(req, res, () => sendJson(res, 404, { error: 'Not found' }));
      return;
    }
    sendJson(res, 404, { error: 'Not found' });
  });
  const allowedOrigins = [...config.allowedOrigins, ...(config.publicUrl ? [new URL(config.publicUrl).origin] : [])];

  const sockets = new SocketRegistry();
  const sessionSweep = startSessionSweep({ db: deps.db, log, sockets, ...(opts.sessionSweepMs ? { intervalMs: opts.sessionSweepMs } : {}) });
  const agentSockets = trackAgentSockets(deps.agentPresence, deps.bus, log);
  // Fan-out: each event serialised once per node, each socket's writes of one turn in one syscall.
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_BODY_BYTES, WebSocket: EdgeSocket });
  const edge = createWsEdge(deps, createContext, wss, opts.keepAlive);

  // The upgrade authenticates with the session cookie before any WebSocket exists.
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path !== '/trpc' && path !== '/trpc/') return refuseUpgrade(socket, 404, 'Not Found');
    if (!isOriginAllowed(req, allowedOrigins)) return refuseUpgrade(socket, 403, 'Forbidden');
    const token = deps.lucia.readSessionCookie(req.headers.cookie ?? '');
    if (!token) return refuseUpgrade(socket, 401, 'Unauthorized');
    const mark = sockets.mark();
    deps.lucia
      .validateSession(token)
      .then(({ session, user }) => {
        if (!session || !user) return refuseUpgrade(socket, 401, 'Unauthorized');
        const checkedAt = Date.now();
        wss.handleUpgrade(req, socket, head, (upgraded) => {
          const ws = upgraded as EdgeSocket;
          sockets.add(ws, { userId: user.id, sessionKey: hashToken(token) });
          agentSockets.track(ws, { tenantId: user.tenantId, userId: user.id });
          edge.accept(ws, req);
          // A deactivation or sign-out commits, then tells every node. One that this node heard of
          // while the check above was on its way ran before this socket was findable, so it may
          // have been missed: check again. One heard of from now on finds the socket.
          if (!sockets.endedSince(mark)) {
            rememberUpgradeCheck(ws, { session, user, at: checkedAt, stillValid: () => !sockets.endedSince(mark) });
            return;
          }
          deps.lucia.validateSession(token).then(
            ({ session }) => {
              if (!session) ws.close(SESSION_ENDED_CLOSE_CODE, 'session ended');
            },
            (err: unknown) => {
              // Unsure whether the session still stands: close, and the client reconnects and is checked afresh.
              log.error({ err }, 'websocket session re-check failed');
              ws.close(1011, 'session check failed');
            },
          );
        });
      })
      .catch((err: unknown) => {
        log.error({ err }, 'websocket upgrade failed');
        refuseUpgrade(socket, 503, 'Service Unavailable');
      });
  });

  const unsubscribeControl = await deps.bus.subscribeControl((message) => {
    const closed = message.type === 'sessions.revoked' ? sockets.closeUser(message.userId) : sockets.closeSession(message.sessionKey);
    if (closed > 0) log.info({ reason: message.type, closed }, 'closed sockets of ended sessions');
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host ?? config.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;

  const stop = async () => {
    unsubscribeControl();
    sessionSweep.stop();
    agentSockets.stop();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    edge.stop();
    edge.broadcastReconnect();
    for (const client of wss.clients) client.close(1012, 'server restarting');
    wss.close();
    // In-flight requests get the grace period, then whatever is left is cut.
    const grace = setTimeout(() => {
      server.closeAllConnections();
      for (const client of wss.clients) client.terminate();
    }, config.shutdownGraceMs);
    await closed;
    clearTimeout(grace);
  };

  return { port, url: `http://127.0.0.1:${port}`, sockets, stop };
};
