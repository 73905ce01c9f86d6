/**
 * The two systems under the same load: ours (tRPC subscribers on `events.stream`) and the
 * hand-written baseline (raw `ws` subscribers). Both receive the same signed webhooks.
 */
import type { CloudTarget } from '../../server/dev/cloud-webhook-builder.ts';
import type { Fleet } from '../load/fleet-control.ts';
import type { MemoryReport } from '../support/ipc.ts';

export type SystemNode = {
  url: string;
  pid: number;
  memory: () => Promise<MemoryReport>;
};

export type System = {
  name: 'ours' | 'baseline';
  /** Webhooks for this system go here. */
  target: CloudTarget;
  /** Connects `count` more subscribers of the bench tenant on `node`. */
  subscribe: (fleet: Fleet, node: SystemNode, count: number) => Promise<{ ms: number; total: number }>;
};

export type Settings = {
  quick: boolean;
  log: (line: string) => void;
};
