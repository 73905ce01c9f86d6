/**
 * Section 1: ingest → screen latency at fixed rates, and the highest rate sustained. Ours and the
 * baseline each have their 1,000 subscribers connected (in two fleet processes) for the whole
 * section, and every rate is run on both back to back, so background load hits them alike.
 */
import { startFleet } from '../load/fleet-control.ts';
import { measureRate, searchSustained, type Contender, type RateResult } from './measure-rate.ts';
import type { Settings, System, SystemNode } from './systems.ts';

export type LatencyResult = {
  subscribers: number;
  connectMs: number;
  fixed: RateResult[];
  sustainedRate: number;
  sustainedRun: RateResult | null;
  probes: RateResult[];
  confirmMs: number;
};

export const FIXED_RATES = [100, 300, 1000];
const LADDER = [5, 10, 25, 50, 100, 150, 200, 300, 400, 500, 700, 1000, 1400, 2000];
export const SUBSCRIBERS = 1000;

export const runLatency = async (entries: Array<{ system: System; node: SystemNode }>, s: Settings): Promise<Record<string, LatencyResult>> => {
  const fleets = await Promise.all(entries.map(() => startFleet()));
  try {
    const contenders: Array<Contender & { connectMs: number }> = [];
    for (const [i, { system, node }] of entries.entries()) {
      const fleet = fleets[i]!;
      const { ms } = await system.subscribe(fleet, node, SUBSCRIBERS);
      s.log(`${system.name}: ${SUBSCRIBERS} subscribers connected in ${(ms / 1000).toFixed(1)} s`);
      contenders.push({ name: system.name, fleet, target: system.target, serverPids: [node.pid], connectMs: ms });
      // JIT, pools and prepared statements warm up first; the first second is always slow.
      await measureRate(fleet, system.target, 25, s.quick ? 1500 : 3000, [node.pid]);
    }
    const fixed = new Map<string, RateResult[]>(contenders.map((c) => [c.name, []]));
    for (const rate of FIXED_RATES) {
      for (const c of contenders) {
        const r = await measureRate(c.fleet, c.target, rate, s.quick ? 3000 : 8000, c.serverPids);
        s.log(`${c.name} ${rate}/s: p50 ${r.p50.toFixed(1)} p99 ${r.p99.toFixed(1)} max ${r.max.toFixed(1)} ms; achieved ${r.achieved.toFixed(0)}/s; delivered ${r.received}/${r.expected}; unsent ${r.unsent}; server ${r.serverCpuPerK.toFixed(2)} CPU-s/1k msgs, fleet ${r.fleetCpuPerK.toFixed(2)}`);
        fixed.get(c.name)!.push(r);
      }
    }
    const confirmMs = s.quick ? 5000 : 20_000;
    const search = await searchSustained(contenders, { ladder: LADDER, probeMs: s.quick ? 2000 : 4000, confirmMs, budgetMs: s.quick ? 20_000 : 60_000, log: s.log });
    const out: Record<string, LatencyResult> = {};
    for (const c of contenders) {
      const found = search.get(c.name)!;
      s.log(`${c.name}: sustained ${found.rate}/s`);
      out[c.name] = { subscribers: SUBSCRIBERS, connectMs: c.connectMs, fixed: fixed.get(c.name)!, sustainedRate: found.rate, sustainedRun: found.confirmed, probes: found.probes, confirmMs };
    }
    await Promise.all(fleets.map((f) => f.closeAll()));
    return out;
  } finally {
    await Promise.all(fleets.map((f) => f.stop()));
  }
};
