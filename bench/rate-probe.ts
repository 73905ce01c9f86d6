/**
 * `npm run bench:rate`: ours alone, 1,000 tRPC subscribers, at fixed rates (`RATES=50,100`,
 * `SECS=10` each; defaults 50 and 10): delivery p50/p99/max, webhook ack p99 and CPU per message.
 * The quickest check of ingest → screen latency under fan-out; `PROF_DIR=/tmp/p` writes the
 * server's CPU profile.
 */
import { createBenchTenant } from './load/tenant.ts';
import { createBenchDatabase, REDIS_URL } from './support/database.ts';
import { startOurServer } from './support/processes.ts';
import { startFleet } from './load/fleet-control.ts';
import { measureRate } from './sections/measure-rate.ts';

const secs = Number(process.env.SECS ?? 10);
const db = await createBenchDatabase();
const server = await startOurServer({ databaseUrl: db.url, redisUrl: REDIS_URL, redisPrefix: db.redisPrefix, cpuProfDir: process.env.PROF_DIR });
try {
  const tenant = await createBenchTenant(server.url);
  const fleet = await startFleet();
  const { ms } = await fleet.connectTrpc(server.url, tenant.cookie, 1000);
  console.log(`1000 subscribers connected in ${(ms / 1000).toFixed(1)} s`);
  await measureRate(fleet, tenant.target, 25, 3000, [server.pid]);
  for (const r of (process.env.RATES ?? '50').split(',').map(Number)) {
    const res = await measureRate(fleet, tenant.target, r, secs * 1000, [server.pid]);
    console.log(`${r}/s: p50 ${res.p50.toFixed(1)} p99 ${res.p99.toFixed(1)} max ${res.max.toFixed(0)} ackP99 ${res.ackP99.toFixed(1)} achieved ${res.achieved.toFixed(0)} server ${res.serverCpuPerK.toFixed(2)} fleet ${res.fleetCpuPerK.toFixed(2)} CPU-s/1k`);
  }
  await fleet.stop();
} finally {
  await server.stop();
  await db.drop();
}
process.exit(0);
