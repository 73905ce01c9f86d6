/**
 * Applies prisma/migrations at start-up with plain `pg`, keeping Prisma's own bookkeeping table
 * (`_prisma_migrations`) exactly as `prisma migrate deploy` writes it, so either tool can take over
 * from the other. Plain SQL because the Prisma CLI needs a native engine download and is slow to
 * start; this is a handful of round trips when there is nothing to do.
 */
import { createHash, randomUUID } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../../prisma/migrations');

/** The key `prisma migrate` itself locks on, so this runner and the Prisma CLI exclude each other. */
const PRISMA_MIGRATE_LOCK_KEY = 72707369;
const LOCK_WAIT = '5min';

/** Prisma's DDL for PostgreSQL, verbatim, so `prisma migrate` recognises the table as its own. */
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
);`;

export type MigrationFile = {
  /** Folder name, e.g. `20250101120000_init`; also the `migration_name` Prisma records. */
  name: string;
  sql: string;
  /** SHA-256 (hex) of the file's bytes, as Prisma computes it. */
  checksum: string;
};

type AppliedRow = {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
};

export class MigrationError extends Error {
  override name = 'MigrationError';
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/**
 * Every folder under the migrations directory is a migration, sorted by name (Prisma's rule);
 * loose files such as migration_lock.toml are not.
 */
export const readMigrations = async (dir: string = MIGRATIONS_DIR): Promise<MigrationFile[]> => {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return Promise.all(
    names.map(async (name) => {
      const file = path.join(dir, name, 'migration.sql');
      let bytes: Buffer;
      try {
        bytes = await readFile(file);
      } catch (error) {
        throw new MigrationError(`Migration folder ${name} has no readable migration.sql (${(error as Error).message})`);
      }
      return { name, sql: bytes.toString('utf8'), checksum: sha256(bytes) };
    }),
  );
};

/**
 * Prisma accepts a file whose line endings were converted after it was applied (git autocrlf), so
 * we do too.
 */
const checksumMatches = (migration: MigrationFile, recorded: string) =>
  migration.checksum === recorded ||
  sha256(migration.sql.replace(/\r\n/g, '\n')) === recorded ||
  sha256(migration.sql.replace(/\r?\n/g, '\r\n')) === recorded;

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Prisma puts its tables in the URL's `?schema=` (default public); so do we. */
const schemaOf = (databaseUrl: string) => {
  try {
    return new URL(databaseUrl).searchParams.get('schema') || 'public';
  } catch {
    return 'public';
  }
};

/** 1-based line of a character offset, so a failing statement can be found in the file. */
const lineAt = (sql: string, position: number) => sql.slice(0, Math.max(0, position - 1)).split('\n').length;

export type ApplyOptions = {
  /** Defaults to prisma/migrations next to this repository. */
  migrationsDir?: string;
};

export async function applyMigrations(
  databaseUrl: string,
  log: (msg: string) => void = () => {},
  options: ApplyOptions = {},
): Promise<{ applied: string[] }> {
  const migrations = await readMigrations(options.migrationsDir);
  const schema = schemaOf(databaseUrl);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`SET search_path TO ${quoteIdent(schema)}`);
    await acquireLock(client, log);
    try {
      await ensureMigrationsTable(client, schema);
      const rows = (
        await client.query<AppliedRow>('SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY started_at')
      ).rows;
      const pending = planPending(migrations, rows, log);
      const applied: string[] = [];
      for (const migration of pending) {
        await applyOne(client, migration);
        applied.push(migration.name);
        log(`Applied migration ${migration.name}`);
      }
      return { applied };
    } finally {
      // Ending the session would release it too; a failed unlock must not hide the real error.
      await client.query('SELECT pg_advisory_unlock($1)', [PRISMA_MIGRATE_LOCK_KEY]).catch(() => {});
    }
  } finally {
    await client.end();
  }
}

/** Held for the whole run: a second process waits, then finds everything applied. */
const acquireLock = async (client: pg.Client, log: (msg: string) => void) => {
  const tried = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [PRISMA_MIGRATE_LOCK_KEY]);
  if (tried.rows[0]?.locked) return;
  log('Another process is applying migrations; waiting for it to finish');
  // A bounded wait turns a stuck peer into an error instead of a silent hang at start-up.
  await client.query(`SET lock_timeout = '${LOCK_WAIT}'`);
  try {
    await client.query('SELECT pg_advisory_lock($1)', [PRISMA_MIGRATE_LOCK_KEY]);
  } catch (error) {
    throw new MigrationError(`Timed out after ${LOCK_WAIT} waiting for the migration lock held by another process`, { cause: error });
  } finally {
    await client.query('RESET lock_timeout');
  }
};

const ensureMigrationsTable = async (client: pg.Client, schema: string) => {
  // Checked first rather than `IF NOT EXISTS` alone: creating a schema needs CREATE on the database
  // even when it already exists, and the table check avoids a NOTICE on every start.
  const state = await client.query<{ has_schema: boolean; has_table: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $1) AS has_schema,
            to_regclass($2) IS NOT NULL AS has_table`,
    [schema, `${quoteIdent(schema)}._prisma_migrations`],
  );
  const { has_schema, has_table } = state.rows[0] ?? { has_schema: false, has_table: false };
  if (!has_schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
  if (!has_table) await client.query(CREATE_MIGRATIONS_TABLE);
};

const planPending = (migrations: MigrationFile[], rows: AppliedRow[], log: (msg: string) => void): MigrationFile[] => {
  // Rolled-back rows are history only (`prisma migrate resolve --rolled-back`).
  const live = rows.filter((r) => r.rolled_back_at === null);
  const failed = live.filter((r) => r.finished_at === null);
  if (failed.length > 0) {
    const names = failed.map((r) => r.migration_name);
    throw new MigrationError(
      `These migrations started but never finished (a failed \`prisma migrate deploy\`): ${names.join(', ')}. ` +
        'Repair the database by hand, then mark each one rolled back so it is retried:\n' +
        names.map((n) => `  UPDATE _prisma_migrations SET rolled_back_at = now() WHERE migration_name = '${n}' AND finished_at IS NULL;`).join('\n'),
    );
  }
  const appliedByName = new Map(live.map((r) => [r.migration_name, r]));
  const edited = migrations.filter((m) => {
    const row = appliedByName.get(m.name);
    return row !== undefined && !checksumMatches(m, row.checksum);
  });
  if (edited.length > 0) {
    throw new MigrationError(
      `These migrations were changed after they were applied (checksum mismatch): ${edited.map((m) => m.name).join(', ')}. ` +
        'Restore the original migration.sql and put the change in a new migration (npm run db:new-migration -- <name>).',
    );
  }
  const local = new Set(migrations.map((m) => m.name));
  const unknown = live.filter((r) => !local.has(r.migration_name)).map((r) => r.migration_name);
  if (unknown.length > 0) log(`The database has migrations this build does not know: ${unknown.join(', ')}`);
  return migrations.filter((m) => !appliedByName.has(m.name));
};

/**
 * One transaction per migration, bookkeeping included: a failure leaves neither half-applied DDL
 * nor a "failed" row that would block the next start. Timestamps use clock_timestamp() because
 * now() is frozen for the whole transaction.
 */
const applyOne = async (client: pg.Client, migration: MigrationFile) => {
  const id = randomUUID();
  await client.query('BEGIN');
  try {
    await client.query(
      `INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, applied_steps_count)
       VALUES ($1, $2, $3, clock_timestamp(), 0)`,
      [id, migration.checksum, migration.name],
    );
    try {
      // No parameters: pg uses the simple-query protocol, which runs a multi-statement script.
      await client.query(migration.sql);
    } catch (error) {
      const position = Number((error as pg.DatabaseError).position);
      const where = Number.isFinite(position) && position > 0 ? ` (migration.sql line ${lineAt(migration.sql, position)})` : '';
      throw new MigrationError(`Migration ${migration.name} failed${where}: ${(error as Error).message}`, { cause: error });
    }
    await client.query('UPDATE _prisma_migrations SET finished_at = clock_timestamp(), applied_steps_count = 1 WHERE id = $1', [id]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
};
