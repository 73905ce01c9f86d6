/** The orchestrator's handle on a subscriber fleet process (bench/load/fleet.ts). */
import type { HistogramData } from '../support/histogram.ts';
import type { MemoryReport } from '../support/ipc.ts';
import { startProcess } from '../support/processes.ts';

export type FleetStats = { received: number; duplicates: number; stale: number; hist: HistogramData; subscribers: number };
export type ResumeResult = { ms: number; clients: number; caughtUp: number; complete: number; gaps: number; eventsPerClient: number; firstItemMs: number; errors?: number; firstError?: string };
export type Fleet = Awaited<ReturnType<typeof startFleet>>;

export const startFleet = async () => {
  const prof = process.env.FLEET_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.FLEET_CPU_PROF}`] : [];
  const proc = startProcess('bench/load/fleet.ts', {}, ['--expose-gc', '--max-old-space-size=4096', ...prof]);
  await new Promise<void>((resolve, reject) => {
    proc.child.once('message', () => resolve());
    proc.child.once('exit', (code) => reject(new Error(`fleet exited (${code}) before it was ready`)));
  });
  return {
    pid: proc.pid,
    connectTrpc: (url: string, cookie: string, count: number, concurrency = 100) =>
      proc.call<{ ms: number; total: number }>('connect', { kind: 'trpc', url, cookie, origin: url, count, concurrency }),
    connectRaw: (url: string, count: number, concurrency = 200) => proc.call<{ ms: number; total: number }>('connect', { kind: 'raw', url, count, concurrency }),
    connectFloor: (url: string, count: number, concurrency = 100) => proc.call<{ ms: number; total: number }>('connect', { kind: 'floor', url, count, concurrency }),
    phase: (tag: string, max: number) => proc.call<null>('phase', { tag, max }),
    stats: () => proc.call<FleetStats>('stats'),
    closeAll: () => proc.call<null>('closeAll'),
    memory: () => proc.call<MemoryReport>('memory'),
    resume: (args: { url: string; cookie: string; count: number; lastEventId: string; targetSeq: number; timeoutMs: number; startAt?: number }) =>
      proc.call<ResumeResult>('resume', { ...args, origin: args.url }),
    stop: () => proc.stop(),
  };
};
