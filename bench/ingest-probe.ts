/**
 * `npm run bench:ingest`: webhook ingest alone (our server, no subscribers) at 100 and 400
 * messages/s offered, with the server's and PostgreSQL's CPU per message: the quickest check of
 * the ingest hot path. `PROF_DIR=/tmp/p` writes the server's CPU profile there.
 */
import { createBenchTenant } from './load/tenant.ts';
import { postAtRate } from './load/poster.ts';
import { createBenchDatabase, REDIS_URL } from './support/database.ts';
import { cpuMeter, postgresPids } from './support/cpu.ts';
import { startOurServer } from './support/processes.ts';

const db = await createBenchDatabase();
const server = await startOurServer({ databaseUrl: db.url, redisUrl: REDIS_URL, redisPrefix: db.redisPrefix, cpuProfDir: process.env.PROF_DIR });
try {
  const tenant = await createBenchTenant(server.url);
  await postAtRate({ target: tenant.target, rate: 100, durationMs: 3000, tag: 'warm' });
  for (const rate of [100, 400]) {
    const cpu = cpuMeter([server.pid]);
    const pg = cpuMeter(postgresPids());
    const r = await postAtRate({ target: tenant.target, rate, durationMs: 8000, tag: `r${rate}` });
    console.log(`rate ${rate}: acked ${r.acknowledged} (${((r.acknowledged * 1000) / Math.max(8000, r.elapsedMs)).toFixed(0)}/s), ack p99 ${r.ack.percentile(0.99).toFixed(0)} ms, server ${((cpu() * 1000) / r.acknowledged).toFixed(2)} ms CPU/msg, postgres ≥ ${((pg() * 1000) / r.acknowledged).toFixed(2)} ms/msg`);
  }
} finally {
  await server.stop();
  await db.drop();
}
