import { ConfigError, loadConfig } from './config.ts';
import { applyMigrations } from './db/migrate.ts';
import { closeDeps, createDeps } from './deps.ts';
import { reconcileJobs, registerWorkers } from './jobs/register-workers.ts';
import { createLogger } from './logger.ts';

/** Job workers only, for scaling out beside the server processes. Needs DATABASE_URL and REDIS_URL. */
const main = async () => {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  if (!config.databaseUrl || !config.redisUrl) {
    throw new ConfigError('The worker needs DATABASE_URL and REDIS_URL (in single-node mode the server runs the jobs itself).');
  }
  await applyMigrations(config.databaseUrl);
  const deps = createDeps(config, config.databaseUrl, log);
  registerWorkers(deps);
  const requeued = await reconcileJobs(deps);
  log.info({ requeued }, 'worker running');
  const shutdown = async () => {
    await closeDeps(deps);
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown());
  process.on('SIGINT', () => void shutdown());
};

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
