/**
 * Guards the pair prisma/schema.prisma ↔ prisma/migrations: a database built by replaying the
 * migrations must equal one built straight from the schema. When this fails, someone changed the
 * schema without `npm run db:new-migration -- <name>` (or edited SQL by hand).
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations, readMigrations } from '../../server/db/migrate.ts';
import { diffSchemas, readSchemaFile } from '../../scripts/lib/schema-diff.ts';

const ADMIN_URL = process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://root@127.0.0.1:5432/postgres';
// Overridable so the test itself can be shown to fail: point it at an edited copy of the schema.
const SCHEMA_PATH = process.env.DRIFT_TEST_SCHEMA ?? path.resolve(import.meta.dirname, '../../prisma/schema.prisma');

const urlFor = (database: string) => {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${database}`;
  return url.toString();
};

const withClient = async <T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
};

/**
 * Everything Prisma manages in the `public` schema, one sorted line per fact, so a mismatch shows
 * up as a readable diff. Column order is left out: ADD COLUMN appends, so a migrated table
 * legitimately orders columns differently from a fresh CREATE TABLE. Enum labels are compared as
 * sets because Prisma's own diff ignores their order.
 */
const CATALOG_QUERIES = [
  `SELECT format('table %I', c.relname) AS line
     FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> '_prisma_migrations'`,
  `SELECT format('column %I.%I %s%s%s%s', c.relname, a.attname, format_type(a.atttypid, a.atttypmod),
                 CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END,
                 coalesce(' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid), ''),
                 CASE WHEN a.attidentity <> '' OR a.attgenerated <> ''
                      THEN ' IDENTITY/GENERATED ' || a.attidentity::text || a.attgenerated::text ELSE '' END) AS line
     FROM pg_attribute a
     JOIN pg_class c ON c.oid = a.attrelid
     JOIN pg_namespace n ON n.oid = c.relnamespace
     LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> '_prisma_migrations'
      AND a.attnum > 0 AND NOT a.attisdropped`,
  `SELECT format('index %s', indexdef) AS line
     FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
  `SELECT format('constraint %I.%I %s', c.relname, con.conname, pg_get_constraintdef(con.oid)) AS line
     FROM pg_constraint con
     JOIN pg_class c ON c.oid = con.conrelid
     JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relname <> '_prisma_migrations'`,
  `SELECT format('enum %I (%s)', t.typname, string_agg(quote_literal(e.enumlabel), ', ' ORDER BY e.enumlabel)) AS line
     FROM pg_type t
     JOIN pg_enum e ON e.enumtypid = t.oid
     JOIN pg_namespace n ON n.oid = t.typnamespace
    WHERE n.nspname = 'public'
    GROUP BY t.typname`,
  `SELECT format('sequence %I %s increment %s', sequencename, data_type, increment_by) AS line
     FROM pg_sequences WHERE schemaname = 'public'`,
  `SELECT format('extension %I', extname) AS line FROM pg_extension WHERE extname <> 'plpgsql'`,
];

const describeCatalog = (url: string) =>
  withClient(url, async (client) => {
    const facts: string[] = [];
    for (const sql of CATALOG_QUERIES) facts.push(...(await client.query<{ line: string }>(sql)).rows.map((r) => r.line));
    return facts.sort();
  });

describe('prisma migrations', () => {
  const suffix = randomBytes(5).toString('hex');
  const migratedDb = `sb_test_migrated_${suffix}`;
  const fromSchemaDb = `sb_test_from_schema_${suffix}`;
  const created: string[] = [];
  let concurrentRuns: { applied: string[] }[] = [];

  beforeAll(async () => {
    await withClient(ADMIN_URL, async (admin) => {
      for (const db of [migratedDb, fromSchemaDb]) {
        await admin.query(`CREATE DATABASE "${db}"`);
        created.push(db);
      }
    });
    // Two starts at once, as when several server processes boot together.
    concurrentRuns = await Promise.all([applyMigrations(urlFor(migratedDb)), applyMigrations(urlFor(migratedDb))]);
  }, 60_000);

  afterAll(async () => {
    await withClient(ADMIN_URL, async (admin) => {
      for (const db of created) await admin.query(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`);
    });
  }, 60_000);

  it('applies every migration exactly once when two processes start together', async () => {
    const names = (await readMigrations()).map((m) => m.name);
    expect(names.length).toBeGreaterThan(0);
    const applied = concurrentRuns.map((r) => r.applied).sort((a, b) => b.length - a.length);
    expect(applied).toEqual([names, []]);

    const rows = await withClient(urlFor(migratedDb), async (c) =>
      (await c.query<{ migration_name: string; finished: boolean }>('SELECT migration_name, finished_at IS NOT NULL AS finished FROM _prisma_migrations ORDER BY migration_name')).rows,
    );
    expect(rows).toEqual(names.map((migration_name) => ({ migration_name, finished: true })));
  });

  it('applies nothing on a second run', async () => {
    expect(await applyMigrations(urlFor(migratedDb))).toEqual({ applied: [] });
  });

  it('builds the same database as prisma/schema.prisma describes (no drift)', async () => {
    const sql = await diffSchemas(null, readSchemaFile(SCHEMA_PATH));
    expect(sql, 'the schema produced no SQL at all').not.toBeNull();
    await withClient(urlFor(fromSchemaDb), (c) => c.query(sql ?? ''));

    const [migrated, fromSchema] = await Promise.all([describeCatalog(urlFor(migratedDb)), describeCatalog(urlFor(fromSchemaDb))]);
    expect(fromSchema.length).toBeGreaterThan(0);
    expect(
      migrated,
      `${path.relative(process.cwd(), SCHEMA_PATH)} and prisma/migrations have drifted: run npm run db:new-migration -- <name>`,
    ).toEqual(fromSchema);
  }, 30_000);

  it('refuses to run when an applied migration was edited', async () => {
    const url = urlFor(migratedDb);
    const [first] = await readMigrations();
    if (!first) throw new Error('no migrations to tamper with');
    await withClient(url, (c) => c.query(`UPDATE _prisma_migrations SET checksum = repeat('0', 64) WHERE migration_name = $1`, [first.name]));
    try {
      const error = await applyMigrations(url).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toMatch(/checksum mismatch/);
      expect((error as Error).message).toContain(first.name);
    } finally {
      await withClient(url, (c) => c.query('UPDATE _prisma_migrations SET checksum = $1 WHERE migration_name = $2', [first.checksum, first.name]));
    }
    expect(await applyMigrations(url)).toEqual({ applied: [] });
  });
});
