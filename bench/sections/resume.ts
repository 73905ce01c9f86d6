import { cpuMeter, postgresPids } from '../support/cpu.ts';
/** Section 3: 1,000 clients reconnecting at once, each 500 events behind, until all caught up. */
import pg from 'pg';
import { startFleet, type ResumeResult } from '../load/fleet-control.ts';
import { postAtRate } from '../load/poster.ts';
import type { CloudTarget } from '../../server/dev/cloud-webhook-builder.ts';
import type { Settings } from './systems.ts';

export const RESUME_CLIENTS = 1000;
export const RESUME_BEHIND = 500;
const RESUME_FLEETS = 2;

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
): Promise<ResumeResult & { behind: number; fleets: number }> => {
  let head = await headSeq(opts.databaseUrl, opts.tenantId);
  // Standalone runs (--only=resume) first write the events to be missed, in rounds (a busy
  // server acknowledges fewer than offered), bounded.
  for (let round = 0; head < RESUME_BEHIND && round < 10; round++) {
    await postAtRate({ target: opts.target, rate: 40, durationMs: ((RESUME_BEHIND - head + 10) / 40) * 1000, tag: `resume-fill-${round}` });
    head = await headSeq(opts.databaseUrl, opts.tenantId);
  }
  if (head < RESUME_BEHIND) throw new Error(`only ${head} events in the log; the resume test needs ${RESUME_BEHIND}`);
  // Two client processes of 500 screens each: in the field every screen parses its backlog on its
  // own machine, and one process parsing 500,000 events alone would measure itself, not the server.
  const fleets = await Promise.all(Array.from({ length: RESUME_FLEETS }, () => startFleet()));
  // Where the time goes: our server, the clients, the database (backends started during the run
  // are not counted, so the database's figure is a lower bound).
  const cpu = { server: cpuMeter([opts.serverPid]), fleet: cpuMeter(fleets.map((f) => f.pid)), postgres: cpuMeter(postgresPids()) };
  try {
    const startAt = Date.now() + 200;
    const parts = await Promise.all(
      fleets.map((fleet) =>
        fleet.resume({
          url: opts.url,
          cookie: opts.cookie,
          count: RESUME_CLIENTS / RESUME_FLEETS,
          lastEventId: String(head - RESUME_BEHIND),
          targetSeq: head,
          timeoutMs: s.quick ? 30_000 : 90_000,
          startAt,
        }),
      ),
    );
    const r = mergeResumes(parts);
    s.log(`resume CPU-s: server ${cpu.server().toFixed(1)}, clients ${cpu.fleet().toFixed(1)}, postgres ≥ ${cpu.postgres().toFixed(1)}`);
    s.log(`resume: ${r.caughtUp}/${r.clients} caught up in ${(r.ms / 1000).toFixed(2)} s (all had their first item after ${(r.firstItemMs / 1000).toFixed(2)} s); ${r.complete} complete, ${r.gaps} gaps; ${r.errors ?? 0} stream errors ${r.firstError ?? ''}`);
    return { ...r, behind: RESUME_BEHIND, fleets: RESUME_FLEETS };
  } finally {
    await Promise.all(fleets.map((f) => f.stop()));
  }
};

/** Every process started at the same instant, so the run took as long as the slowest. */
const mergeResumes = (parts: ResumeResult[]): ResumeResult => ({
  ms: Math.max(...parts.map((p) => p.ms)),
  firstItemMs: Math.max(...parts.map((p) => p.firstItemMs)),
  clients: parts.reduce((n, p) => n + p.clients, 0),
  caughtUp: parts.reduce((n, p) => n + p.caughtUp, 0),
  complete: parts.reduce((n, p) => n + p.complete, 0),
  gaps: parts.reduce((n, p) => n + p.gaps, 0),
  eventsPerClient: parts[0]!.eventsPerClient,
  errors: parts.reduce((n, p) => n + (p.errors ?? 0), 0),
  firstError: parts.map((p) => p.firstError).find(Boolean) ?? '',
});
