/**
 * A fresh PostgreSQL database and Redis key prefix per bench run, removed at the end, so runs
 * never see each other's rows and never touch the test suite's.
 */
import pg from 'pg';
import { Redis } from 'ioredis';
import { applyMigrations } from '../../server/db/migrate.ts';

export const PG_ADMIN_URL = process.env.BENCH_PG_ADMIN_URL ?? 'postgres://root@127.0.0.1:5432/postgres';
export const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

export type BenchDatabase = { name: string; url: string; redisPrefix: string; drop: () => Promise<void> };

export const createBenchDatabase = async (): Promise<BenchDatabase> => {
  const name = `switchboard_bench_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  await applyMigrations(url.toString());
  const redisPrefix = `sbbench-${name}`;
  return {
    name,
    url: url.toString(),
    redisPrefix,
    drop: async () => {
      await deleteRedisKeys(redisPrefix);
      const client = new pg.Client({ connectionString: PG_ADMIN_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
};

const deleteRedisKeys = async (prefix: string) => {
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
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
