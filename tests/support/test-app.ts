import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { loadConfig } from '../../server/config.ts';
import { closeDeps, createDeps, type Deps } from '../../server/deps.ts';
import { startServer, type RunningServer } from '../../server/http/server.ts';
import { registerWorkers } from '../../server/jobs/register-workers.ts';
import { createLogger } from '../../server/logger.ts';
import type { KeepAlive } from '../../server/realtime/ws-edge.ts';
import { TEST_REDIS_URL, TEST_SECRETS_KEY } from './env.ts';

export type TestApp = { deps: Deps; server: RunningServer; url: string; stop: () => Promise<void> };

/**
 * A real server (HTTP + WebSocket on an ephemeral port) on the run's database. With `redis`, the
 * bus, queue and rate limits go through the machine's Redis under this run's prefix.
 */
/** `redisPrefix`: give two apps the same one to make them nodes of one deployment. */
export const startTestApp = async (
  opts: { redis?: boolean; env?: Record<string, string>; redisPrefix?: string; keepAlive?: KeepAlive; sessionSweepMs?: number } = {},
): Promise<TestApp> => {
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    SERVE_CLIENT: 'false',
    SHUTDOWN_GRACE_MS: '2000',
    SECRETS_KEY: TEST_SECRETS_KEY,
    // One prefix per app: test files run in parallel, and a shared BullMQ queue would let one
    // file's workers take another's jobs (with the wrong fakes and settings).
    // Analytics rows refresh a second after the events that change them (5 s in production).
    STATS_DEBOUNCE_MS: '1000',
    REDIS_PREFIX: opts.redisPrefix ?? `${inject('redisPrefix')}-${randomUUID().slice(0, 8)}`,
    ...(opts.redis ? { REDIS_URL: TEST_REDIS_URL } : {}),
    ...opts.env,
  });
  const deps = createDeps(config, inject('databaseUrl'), createLogger(config.logLevel));
  registerWorkers(deps);
  const server = await startServer(deps, { port: 0, host: '127.0.0.1', clientDir: null, keepAlive: opts.keepAlive, sessionSweepMs: opts.sessionSweepMs });
  return {
    deps,
    server,
    url: `http://127.0.0.1:${server.port}`,
    stop: async () => {
      await server.stop();
      await closeDeps(deps);
    },
  };
};
