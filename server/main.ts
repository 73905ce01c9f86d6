import { resolve } from 'node:path';
import { ConfigError, loadConfig } from './config.ts';
import { startEmbeddedPostgres } from './db/embedded.ts';
import { applyMigrations } from './db/migrate.ts';
import { seedDemoWorkspace } from './db/seed-demo.ts';
import { closeDeps, createDeps } from './deps.ts';
import { startServer } from './http/server.ts';
import { reconcileJobs, registerWorkers } from './jobs/register-workers.ts';
import { createLogger } from './logger.ts';

const config = (() => {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
})();
const log = createLogger(config.logLevel);

const main = async () => {
  const embedded = config.databaseUrl ? null : await startEmbeddedPostgres(config.dataDir, config.embeddedPgPort, log);
  const databaseUrl = config.databaseUrl ?? embedded!.databaseUrl;
  const { applied } = await applyMigrations(databaseUrl);
  if (applied.length > 0) log.info({ applied }, 'migrations applied');

  const deps = createDeps(config, databaseUrl, log);
  if (!config.redisUrl) log.info('no REDIS_URL: single-node mode with the in-process bus and job queue');
  if (config.runWorkers) {
    registerWorkers(deps);
    await deps.queue.enqueue('sessions.delete-expired', {});
    const hourly = setInterval(() => void deps.queue.enqueue('sessions.delete-expired', {}).catch(() => {}), 3_600_000);
    hourly.unref();
    const requeued = await reconcileJobs(deps);
    if (requeued > 0) log.info({ requeued }, 're-enqueued owed jobs');
  }
  const demo = embedded ? await seedDemoWorkspace(deps, config.dataDir, config.simulatorPort) : null;

  const clientDir = config.serveClient ? resolve(import.meta.dirname, '../dist/client') : null;
  const server = await startServer(deps, { port: config.port, clientDir });
  const url = config.publicUrl ?? `http://localhost:${server.port}`;
  log.info({ url, bus: deps.bus.mode, queue: deps.queue.mode }, 'switchboard is up');
  if (demo) {
    process.stdout.write(
      `\n  Switchboard is running at ${url}\n  Demo login: ${demo.email} / ${demo.password}\n  Live demo traffic: npm run simulate\n\n`,
    );
  }

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) {
      log.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    log.info({ signal }, 'shutting down');
    await server.stop();
    await closeDeps(deps);
    await embedded?.stop();
    log.info('shutdown complete');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
};

main().catch((err: unknown) => {
  log.fatal({ err }, 'failed to start');
  process.exit(1);
});
