import { cpuMeter, postgresPids } from '../support/cpu.ts';
/** Section 3: 1,000 clients reconnecting at once, each 500 events behind, until all caught up. */
import pg from 'pg';
import { startFleet, type ResumeResult } from '../load/fleet-control.ts';
import { postAtRate } from '../load/poster.ts';
import type { CloudTarget } from '../../server/dev/cloud-webhook-builder.ts';
import type { Settings } from './systems.ts';

export const RESUME_CLIENTS = 1000;
export const RESUME_BEHIND = Number(process.env.BENCH_RESUME_BEHIND ?? 500);

const headSeq = async (databaseUrl: string, tenantId: string): Promise<number> => {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ lastSeq: string }>('SELECT "lastSeq" FROM "EventCounter" WHERE "tenantId" = $1', [tenantId]);
    return Number(rows[0]?.lastSeq ?? 0);
  } finally {
    await client.end();
  }
};

export const runResume = async (
  opts: { url: string; serverPid: number; cookie: string; databaseUrl: string; tenantId: string; target: CloudTarget },
  s: Settings,
): Promise<ResumeResult & { behind: number }> => {
  let head = await headSeq(opts.databaseUrl, opts.tenantId);
  // Standalone runs (--only=resume) first write the events to be missed, in rounds (a busy
  // server acknowledges fewer than offered), bounded.
  for (let round = 0; head < RESUME_BEHIND && round < 10; round++) {
    await postAtRate({ target: opts.target, rate: 40, durationMs: ((RESUME_BEHIND - head + 10) / 40) * 1000, tag: `resume-fill-${round}` });
    head = await headSeq(opts.databaseUrl, opts.tenantId);
  }
  if (head < RESUME_BEHIND) throw new Error(`only ${head} events in the log; the resume test needs ${RESUME_BEHIND}`);
  const fleet = await startFleet();
  // Where the time goes: our server, the clients, the database (backends started during the run
  // are not counted, so the database's figure is a lower bound).
  const cpu = { server: cpuMeter([opts.serverPid]), fleet: cpuMeter([fleet.pid]), postgres: cpuMeter(postgresPids()) };
  try {
    const r = await fleet.resume({
      url: opts.url,
      cookie: opts.cookie,
      count: RESUME_CLIENTS,
      lastEventId: String(head - RESUME_BEHIND),
      targetSeq: head,
      timeoutMs: s.quick ? 30_000 : 90_000,
    });
    s.log(`resume CPU-s: server ${cpu.server().toFixed(1)}, clients ${cpu.fleet().toFixed(1)}, postgres ≥ ${cpu.postgres().toFixed(1)}`);
    s.log(`resume: ${r.caughtUp}/${r.clients} caught up in ${(r.ms / 1000).toFixed(2)} s (all had their first item after ${(r.firstItemMs / 1000).toFixed(2)} s); ${r.complete} complete, ${r.gaps} gaps; ${r.errors ?? 0} stream errors ${r.firstError ?? ''}`);
    return { ...r, behind: RESUME_BEHIND };
  } finally {
    await fleet.stop();
  }
};
