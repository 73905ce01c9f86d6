/**
 * Section 4: webhooks to node A, 1,000 subscribers on node B, events crossing Redis; ours and the
 * baseline interleaved per rate as in section 1.
 */
import { startFleet } from '../load/fleet-control.ts';
import { measureRate, type RateResult } from './measure-rate.ts';
import type { Settings, System, SystemNode } from './systems.ts';

export const TWO_NODE_RATES = [100, 300];

export const runTwoNodes = async (
  entries: Array<{ system: System; nodeA: SystemNode; nodeB: SystemNode }>,
  s: Settings,
): Promise<Record<string, RateResult[]>> => {
  const fleets = await Promise.all(entries.map(() => startFleet()));
  try {
    for (const [i, e] of entries.entries()) {
      await e.system.subscribe(fleets[i]!, e.nodeB, 1000);
      await measureRate(fleets[i]!, e.system.target, 25, s.quick ? 1000 : 2000, [e.nodeA.pid, e.nodeB.pid]);
    }
    const out: Record<string, RateResult[]> = Object.fromEntries(entries.map((e) => [e.system.name, []]));
    for (const rate of TWO_NODE_RATES) {
      for (const [i, e] of entries.entries()) {
        const r = await measureRate(fleets[i]!, e.system.target, rate, s.quick ? 3000 : 8000, [e.nodeA.pid, e.nodeB.pid]);
        s.log(`${e.system.name} A→B ${rate}/s: p50 ${r.p50.toFixed(1)} p99 ${r.p99.toFixed(1)} max ${r.max.toFixed(1)} ms; delivered ${r.received}/${r.expected}; servers ${r.serverCpuPerK.toFixed(2)} CPU-s/1k msgs`);
        out[e.system.name]!.push(r);
      }
    }
    await Promise.all(fleets.map((f) => f.closeAll()));
    return out;
  } finally {
    await Promise.all(fleets.map((f) => f.stop()));
  }
};
