/**
 * The setup the small probes share (`bench:ingest`, `bench:rate`, `bench:heap`): a fresh database,
 * our server (its CPU profile in PROF_DIR when set) and a bench tenant; torn down whatever happens.
 */
import { createBenchTenant, type BenchTenant } from '../load/tenant.ts';
import { createBenchDatabase, REDIS_URL } from './database.ts';
import { startOurServer, type ServerNode } from './processes.ts';

export const withOurServer = async (run: (server: ServerNode, tenant: BenchTenant) => Promise<void>): Promise<void> => {
  const db = await createBenchDatabase();
  const server = await startOurServer({ databaseUrl: db.url, redisUrl: REDIS_URL, redisPrefix: db.redisPrefix, cpuProfDir: process.env.PROF_DIR });
  try {
    await run(server, await createBenchTenant(server.url));
  } finally {
    await server.stop();
    await db.drop();
  }
};
