/**
 * Section 2: fan-out capacity. Idle subscribed clients in steps (5,000 then 10,000): the
 * server's memory per connection (RSS and JS heap after a full GC, deltas from no clients), and
 * the time from a webhook's POST until its event has reached every client (median of 3).
 */
import type { CloudTarget } from '../../server/dev/cloud-webhook-builder.ts';
import { startFleet, type Fleet } from '../load/fleet-control.ts';
import { postAtRate } from '../load/poster.ts';
import { cpuMeter } from '../support/cpu.ts';
import type { Settings, System, SystemNode } from './systems.ts';

export type FanoutStep = {
  clients: number;
  /** The step's target; more than `clients` when the connect budget ran out first. */
  wanted: number;
  connectMs: number;
  rssPerConnKb: number;
  heapPerConnKb: number;
  deliverAllMs: number;
  /** CPU time the server process spent on it (user + system): robust to other load on the machine. */
  deliverCpuMs: number;
  deliveredAll: boolean;
};

let events = 0;

/** Posts one message and waits until every subscriber has it; the slowest delivery's latency. */
const deliverOne = async (fleet: Fleet, target: CloudTarget, serverPid: number): Promise<{ ms: number; cpuMs: number; all: boolean }> => {
  await fleet.phase(`f${++events}`, 1);
  const cpu = cpuMeter([serverPid]);
  await postAtRate({ target, rate: 1, durationMs: 1, tag: `f${events}` });
  const deadline = Date.now() + 30_000;
  let stats = await fleet.stats();
  while (stats.received < stats.subscribers && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 20));
    stats = await fleet.stats();
  }
  return { ms: stats.hist.max, cpuMs: cpu() * 1000, all: stats.received === stats.subscribers };
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export const fanoutSteps = (quick: boolean) => (quick ? [1000, 2000] : [5000, 10_000]);

export const runFanout = async (system: System, node: SystemNode, s: Settings): Promise<FanoutStep[]> => {
  const fleet = await startFleet();
  try {
    // Warm the path once with a single client so first-use costs do not count per connection.
    await system.subscribe(fleet, node, 1);
    await deliverOne(fleet, system.target, node.pid);
    const before = await node.memory();
    let connected = 1;
    const steps: FanoutStep[] = [];
    // Connecting is bounded too: on a busy machine it is the slow part; a step reports what it reached.
    const connectBudgetMs = s.quick ? 60_000 : 240_000;
    let connectSpent = 0;
    for (const wanted of fanoutSteps(s.quick)) {
      let connectMs = 0;
      while (connected < wanted && connectSpent < connectBudgetMs) {
        const chunk = Math.min(1000, wanted - connected);
        const { ms } = await system.subscribe(fleet, node, chunk);
        connectMs += ms;
        connectSpent += ms;
        connected += chunk;
      }
      const clients = connected;
      if (clients < wanted) s.log(`${system.name}: connect budget spent at ${clients} of ${wanted} clients`);
      const after = await node.memory();
      const times: number[] = [];
      const cpus: number[] = [];
      let all = true;
      for (let i = 0; i < 3; i++) {
        const d = await deliverOne(fleet, system.target, node.pid);
        times.push(d.ms);
        cpus.push(d.cpuMs);
        all &&= d.all;
        await new Promise((r) => setTimeout(r, 300));
      }
      const step: FanoutStep = {
        clients,
        wanted,
        connectMs,
        rssPerConnKb: (after.rss - before.rss) / 1024 / (clients - 1),
        heapPerConnKb: (after.heapUsed - before.heapUsed) / 1024 / (clients - 1),
        deliverAllMs: median(times),
        deliverCpuMs: median(cpus),
        deliveredAll: all,
      };
      s.log(`${system.name} fan-out ${clients}: ${step.rssPerConnKb.toFixed(1)} KB RSS/conn, ${step.heapPerConnKb.toFixed(1)} KB heap/conn, one event to all in ${step.deliverAllMs.toFixed(0)} ms (${times.map((t) => t.toFixed(0)).join(', ')}), server CPU ${step.deliverCpuMs.toFixed(0)} ms`);
      steps.push(step);
      if (clients < wanted) break;
    }
    await fleet.closeAll();
    return steps;
  } finally {
    await fleet.stop();
  }
};

export type FloorStep = { clients: number; rssPerConnKb: number; heapPerConnKb: number; connectMs: number };

/**
 * The same memory steps on the tRPC floor (bench/floor/server.ts): the framework's own cost of an
 * idle subscribed connection, measured the same way, so ours can be read as floor + our part.
 */
export const runFloorMemory = async (node: SystemNode, s: Settings): Promise<FloorStep[]> => {
  const fleet = await startFleet();
  try {
    await fleet.connectFloor(node.url, 1);
    const before = await node.memory();
    let connected = 1;
    const steps: FloorStep[] = [];
    for (const wanted of fanoutSteps(s.quick)) {
      let connectMs = 0;
      while (connected < wanted) {
        const chunk = Math.min(1000, wanted - connected);
        connectMs += (await fleet.connectFloor(node.url, chunk)).ms;
        connected += chunk;
      }
      const after = await node.memory();
      const step = {
        clients: connected,
        rssPerConnKb: (after.rss - before.rss) / 1024 / (connected - 1),
        heapPerConnKb: (after.heapUsed - before.heapUsed) / 1024 / (connected - 1),
        connectMs,
      };
      s.log(`tRPC floor ${connected}: ${step.rssPerConnKb.toFixed(1)} KB RSS/conn, ${step.heapPerConnKb.toFixed(1)} KB heap/conn`);
      steps.push(step);
    }
    await fleet.closeAll();
    return steps;
  } finally {
    await fleet.stop();
  }
};
