/**
 * Where the test suite finds its real services. Postgres and Redis run on the machine (see
 * STACK.md); each run gets its own database and Redis key/channel prefix.
 */
export const TEST_PG_ADMIN_URL = process.env.TEST_PG_ADMIN_URL ?? 'postgres://root@127.0.0.1:5432/postgres';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export const testDatabaseUrl = (name: string): string => {
  const url = new URL(TEST_PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
};

/** Fixed per run is enough: tests only need encryption to round-trip. */
export const TEST_SECRETS_KEY = Buffer.alloc(32, 7).toString('base64');
