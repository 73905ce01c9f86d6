/**
 * `npm run bench:ingest`: webhook ingest alone (our server, no subscribers) at 100 and 400
 * messages/s offered, with the server's and PostgreSQL's CPU per message: the quickest check of
 * the ingest hot path. `PROF_DIR=/tmp/p` writes the server's CPU profile there.
 */
import { postAtRate } from './load/poster.ts';
import { cpuMeter, postgresPids } from './support/cpu.ts';
import { withOurServer } from './support/probe.ts';

await withOurServer(async (server, tenant) => {
  await postAtRate({ target: tenant.target, rate: 100, durationMs: 3000, tag: 'warm' });
  for (const rate of [100, 400]) {
    const cpu = cpuMeter([server.pid]);
    const pg = cpuMeter(postgresPids());
    const r = await postAtRate({ target: tenant.target, rate, durationMs: 8000, tag: `r${rate}` });
    console.log(`rate ${rate}: acked ${r.acknowledged} (${((r.acknowledged * 1000) / Math.max(8000, r.elapsedMs)).toFixed(0)}/s), ack p99 ${r.ack.percentile(0.99).toFixed(0)} ms, server ${((cpu() * 1000) / r.acknowledged).toFixed(2)} ms CPU/msg, postgres ≥ ${((pg() * 1000) / r.acknowledged).toFixed(2)} ms/msg`);
  }
});
