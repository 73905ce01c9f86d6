import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { applyMigrations } from '../../server/db/migrate.ts';
import { Redis } from 'ioredis';
import { TEST_PG_ADMIN_URL, TEST_REDIS_URL, testDatabaseUrl } from './env.ts';

/** Removes the run's Redis keys (queues, rate limits) so runs do not pile up on a shared Redis. */
const deleteRedisKeys = async (prefix: string) => {
  const redis = new Redis(TEST_REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
};

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
    await deleteRedisKeys(`sbtest-${name}`);
    const client = new pg.Client({ connectionString: TEST_PG_ADMIN_URL });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.end();
  };
}
