import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { applyMigrations } from '../../server/db/migrate.ts';
import { TEST_PG_ADMIN_URL, testDatabaseUrl } from './env.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    redisPrefix: string;
  }
}

/** One fresh, migrated database per run; tests isolate by creating their own workspaces in it. */
export default async function setup(project: TestProject) {
  const name = `switchboard_test_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: TEST_PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const databaseUrl = testDatabaseUrl(name);
  await applyMigrations(databaseUrl);
  project.provide('databaseUrl', databaseUrl);
  project.provide('redisPrefix', `sbtest-${name}`);

  return async () => {
    const client = new pg.Client({ connectionString: TEST_PG_ADMIN_URL });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.end();
  };
}
