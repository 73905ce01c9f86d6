/**
 * One latency run: post at a fixed rate for a while, wait until every acknowledged message has
 * reached every subscriber (or a drain deadline passes), and read the fleet's histogram.
 */
import type { CloudTarget } from '../../server/dev/cloud-webhook-builder.ts';
import type { Fleet } from '../load/fleet-control.ts';
import { postAtRate } from '../load/poster.ts';
import { cpuMeter } from '../support/cpu.ts';
import { Histogram } from '../support/histogram.ts';

export type RateResult = {
  rate: number;
  durationMs: number;
  subscribers: number;
  planned: number;
  acknowledged: number;
  failed: number;
  unsent: number;
  /** Acknowledged webhooks per second over the window. */
  achieved: number;
  expected: number;
  received: number;
  lost: number;
  duplicates: number;
  p50: number;
  p99: number;
  max: number;
  ackP99: number;
  /** CPU seconds the server process(es) used per 1,000 acknowledged messages (all cores, user + system). */
  serverCpuPerK: number;
  /** Same for the subscriber fleet process (the clients' share of the machine). */
  fleetCpuPerK: number;
};

let runs = 0;

export const measureRate = async (fleet: Fleet, target: CloudTarget, rate: number, durationMs: number, serverPids: number[], drainMs = 10_000): Promise<RateResult> => {
  const tag = `r${++runs}x${rate}`;
  const planned = Math.max(1, Math.round((rate * durationMs) / 1000));
  await fleet.phase(tag, planned);
  const serverCpu = cpuMeter(serverPids);
  const fleetCpu = cpuMeter([fleet.pid]);
  const posted = await postAtRate({ target, rate, durationMs, tag });
  let stats = await fleet.stats();
  const expected = posted.acknowledged * stats.subscribers;
  const deadline = Date.now() + drainMs;
  while (stats.received < expected && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    stats = await fleet.stats();
  }
  const hist = Histogram.from(stats.hist);
  const perK = (seconds: number) => (posted.acknowledged > 0 ? (seconds * 1000) / posted.acknowledged : Number.NaN);
  return {
    rate,
    durationMs,
    subscribers: stats.subscribers,
    planned,
    acknowledged: posted.acknowledged,
    failed: posted.failed,
    unsent: posted.unsent,
    achieved: (posted.acknowledged * 1000) / Math.max(durationMs, posted.elapsedMs),
    expected,
    received: stats.received,
    lost: Math.max(0, expected - stats.received),
    duplicates: stats.duplicates,
    p50: hist.percentile(0.5),
    p99: hist.percentile(0.99),
    max: hist.count > 0 ? hist.max : Number.NaN,
    ackP99: posted.ack.percentile(0.99),
    serverCpuPerK: perK(serverCpu()),
    fleetCpuPerK: perK(fleetCpu()),
  };
};

export const P99_LIMIT_MS = 250;

/** Sustained: every message posted on time, acknowledged, delivered to everyone, p99 under the limit. */
export const sustained = (r: RateResult): boolean =>
  r.unsent === 0 && r.failed === 0 && r.lost === 0 && r.p99 < P99_LIMIT_MS && r.achieved >= 0.95 * r.rate;

/** One system under test with its subscribers connected. */
export type Contender = { name: string; fleet: Fleet; target: CloudTarget; serverPids: number[] };

/**
 * The highest rate sustained for `confirmMs`, for every contender: short probes step up a ladder
 * (contenders interleaved at each step, so background load hits them alike) until a rate fails
 * two probes in a row;
 * then each contender's best probe is confirmed at full length, stepping down once if that fails.
 */
export const searchSustained = async (
  contenders: Contender[],
  opts: { ladder: number[]; probeMs: number; confirmMs: number; budgetMs: number; log: (line: string) => void },
): Promise<Map<string, { rate: number; confirmed: RateResult | null; probes: RateResult[] }>> => {
  const started = Date.now();
  const state = new Map(contenders.map((c) => [c.name, { best: -1, failed: false, probes: [] as RateResult[] }]));
  for (let i = 0; i < opts.ladder.length; i++) {
    if (Date.now() - started > opts.budgetMs) break;
    const active = contenders.filter((c) => !state.get(c.name)!.failed);
    if (active.length === 0) break;
    for (const c of active) {
      const st = state.get(c.name)!;
      // A short probe can fail on a transient (autovacuum after the heavy runs, a collection):
      // a rate fails only when a second probe at it fails too, for every contender alike.
      for (let attempt = 1; attempt <= 2; attempt++) {
        const r = await measureRate(c.fleet, c.target, opts.ladder[i]!, opts.probeMs, c.serverPids, 5_000);
        st.probes.push(r);
        const ok = sustained(r);
        opts.log(`  ${c.name} probe ${r.rate}/s: p99 ${r.p99.toFixed(1)} ms, achieved ${r.achieved.toFixed(0)}/s, lost ${r.lost}, unsent ${r.unsent} → ${ok ? 'ok' : attempt === 1 ? 'fail, probing again' : 'fail'}`);
        if (ok) {
          st.best = i;
          break;
        }
        if (attempt === 2) st.failed = true;
      }
    }
  }
  const out = new Map<string, { rate: number; confirmed: RateResult | null; probes: RateResult[] }>();
  for (const c of contenders) {
    const st = state.get(c.name)!;
    let found: RateResult | null = null;
    for (let i = st.best; i >= Math.max(0, st.best - 1) && !found; i--) {
      const r = await measureRate(c.fleet, c.target, opts.ladder[i]!, opts.confirmMs, c.serverPids);
      opts.log(`  ${c.name} confirm ${r.rate}/s for ${opts.confirmMs / 1000} s: p99 ${r.p99.toFixed(1)} ms, lost ${r.lost} → ${sustained(r) ? 'ok' : 'fail'}`);
      if (sustained(r)) found = r;
    }
    out.set(c.name, { rate: found?.rate ?? 0, confirmed: found, probes: st.probes });
  }
  return out;
};
