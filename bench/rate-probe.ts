/**
 * `npm run bench:rate`: ours alone, 1,000 tRPC subscribers, at fixed rates (`RATES=50,100`,
 * `SECS=10` each; defaults 50 and 10): delivery p50/p99/max, webhook ack p99 and CPU per message.
 * The quickest check of ingest → screen latency under fan-out; `PROF_DIR=/tmp/p` writes the
 * server's CPU profile.
 */
import { startFleet } from './load/fleet-control.ts';
import { measureRate } from './sections/measure-rate.ts';
import { withOurServer } from './support/probe.ts';

const secs = Number(process.env.SECS ?? 10);
await withOurServer(async (server, tenant) => {
  const fleet = await startFleet();
  const { ms } = await fleet.connectTrpc(server.url, tenant.cookie, 1000);
  console.log(`1000 subscribers connected in ${(ms / 1000).toFixed(1)} s`);
  await measureRate(fleet, tenant.target, 25, 3000, [server.pid]);
  for (const r of (process.env.RATES ?? '50').split(',').map(Number)) {
    const res = await measureRate(fleet, tenant.target, r, secs * 1000, [server.pid]);
    console.log(`${r}/s: p50 ${res.p50.toFixed(1)} p99 ${res.p99.toFixed(1)} max ${res.max.toFixed(0)} ackP99 ${res.ackP99.toFixed(1)} achieved ${res.achieved.toFixed(0)} server ${res.serverCpuPerK.toFixed(2)} fleet ${res.fleetCpuPerK.toFixed(2)} CPU-s/1k`);
  }
  await fleet.stop();
});
process.exit(0);
