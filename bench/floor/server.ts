/**
 * The framework's floor for section 2: the same tRPC WebSocket adapter and `ws` server as ours,
 * with nothing of ours — an empty context and one subscription that yields once and then waits.
 * What an idle subscribed connection costs here is what tRPC itself costs per connection, so the
 * report can say which part of our figure is ours. Memory probe over IPC, like the others.
 */
import { createServer } from 'node:http';
import { initTRPC } from '@trpc/server';
import { applyWSSHandler } from '@trpc/server/adapters/ws';
import { WebSocketServer } from 'ws';
import { memoryAfterGc, serveIpc } from '../support/ipc.ts';

const t = initTRPC.create();
export const floorRouter = t.router({
  idle: t.procedure.subscription(async function* ({ signal }) {
    yield 'ready';
    await new Promise<void>((resolve) => signal?.addEventListener('abort', () => resolve(), { once: true }));
  }),
});
export type FloorRouter = typeof floorRouter;

serveIpc(async (req) => {
  if (req.cmd === 'memory') return memoryAfterGc();
  throw new Error(`unknown command ${req.cmd}`);
});

const server = createServer();
const wss = new WebSocketServer({ noServer: true });
// As ours: the same keep-alive, upgrades handled on the HTTP server's 'upgrade' event.
applyWSSHandler({ wss, router: floorRouter, createContext: () => ({}), keepAlive: { enabled: true, pingMs: 30_000, pongWaitMs: 10_000 } });
server.on('upgrade', (req, socket, head) => wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req)));
server.listen(Number(process.env.PORT), '127.0.0.1', () => process.stdout.write('floor is up\n'));
