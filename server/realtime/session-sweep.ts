import { liveSessionIds } from '../auth/lucia.ts';
import type { Db } from '../db/client.ts';
import type { Logger } from '../logger.ts';
import type { SocketRegistry } from './socket-registry.ts';

/** How often a node checks the sessions behind its open sockets. */
export const SESSION_SWEEP_MS = 60_000;

/**
 * A sign-out or a deactivation closes its sockets on every node through a bus control message.
 * If that message is lost (a Redis reconnect), or a session simply expires while its screen stays
 * open, the socket would stream until it reconnects. So each node also checks the sessions of
 * its open sockets now and then, all in one query, and closes those whose session has ended.
 */
export const startSessionSweep = ({ db, log, sockets, intervalMs = SESSION_SWEEP_MS }: { db: Db; log: Logger; sockets: SocketRegistry; intervalMs?: number }) => {
  let running = false;
  const sweep = async () => {
    const keys = sockets.sessionKeys();
    if (running || keys.length === 0) return;
    running = true;
    try {
      const kept = await liveSessionIds(db, keys);
      let closed = 0;
      for (const key of keys) if (!kept.has(key)) closed += sockets.closeSession(key);
      if (closed > 0) log.info({ closed }, 'closed sockets whose session had ended');
    } catch (err) {
      log.warn({ err }, 'session sweep failed');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void sweep(), intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
};
