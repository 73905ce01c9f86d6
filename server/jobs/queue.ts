import { Queue as BullQueue, Worker, type ConnectionOptions } from 'bullmq';
import type { Logger } from '../logger.ts';

export type JobOptions = {
  /** Deterministic id: enqueuing the same id again while one is pending is a no-op. */
  jobId?: string;
  delayMs?: number;
  attempts?: number;
};

/** `attempt` counts from 1; on `attempt === maxAttempts` a failure is final. */
export type JobHandler = (payload: unknown, meta: { attempt: number; maxAttempts: number }) => Promise<void>;

/**
 * The job port. Both adapters run the same handler code, so behaviour does not depend on whether
 * Redis is configured; only durability and distribution do.
 */
export interface JobQueue {
  readonly mode: 'bullmq' | 'in-process';
  enqueue(name: string, payload: unknown, options?: JobOptions): Promise<void>;
  /** Registers this process as a worker for `name`. */
  work(name: string, handler: JobHandler): void;
  /** Resolves once nothing is waiting, delayed or running (tests and graceful drains wait on it). */
  whenIdle(): Promise<void>;
  close(): Promise<void>;
}

const DEFAULT_ATTEMPTS = 3;
/** How long closing the in-process queue waits for running jobs. */
const DRAIN_MS = 10_000;
const MAX_TIMER_MS = 2 ** 31 - 1;
const backoffMs = (attempt: number) => Math.min(30_000, 500 * 2 ** (attempt - 1));

export const createInProcessQueue = (log: Logger): JobQueue => {
  const handlers = new Map<string, JobHandler>();
  const pendingIds = new Set<string>();
  const timers = new Set<NodeJS.Timeout>();
  const waiting = new Map<string, Array<() => void>>();
  let closed = false;
  const inFlight = new Set<Promise<void>>();
  let outstanding = 0;
  let idleWaiters: Array<() => void> = [];
  const settleOne = () => {
    outstanding--;
    if (outstanding === 0) {
      const waiters = idleWaiters;
      idleWaiters = [];
      for (const wake of waiters) wake();
    }
  };

  const schedule = (fn: () => void, delay: number) => {
    // setTimeout fires at once for delays past ~24.8 days (2^31 - 1 ms); long delays (an SLA
    // timer weeks ahead) are chained instead.
    const step = Math.min(delay, MAX_TIMER_MS);
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (delay > step) schedule(fn, delay - step);
      else fn();
    }, step);
    timers.add(timer);
  };

  const run = (name: string, payload: unknown, options: JobOptions, attempt: number, key: string | null) => {
    if (closed) return;
    const handler = handlers.get(name);
    if (!handler) {
      // No worker yet: keep it until one registers, as a queue would.
      waiting.set(name, [...(waiting.get(name) ?? []), () => run(name, payload, options, attempt, key)]);
      return;
    }
    const running = handler(payload, { attempt, maxAttempts: options.attempts ?? DEFAULT_ATTEMPTS });
    inFlight.add(running);
    void running.then(
      () => inFlight.delete(running),
      () => inFlight.delete(running),
    );
    running
      .then(() => {
        if (key) pendingIds.delete(key);
        settleOne();
      })
      .catch((err: unknown) => {
        const attempts = options.attempts ?? DEFAULT_ATTEMPTS;
        log.warn({ job: name, attempt, err: err instanceof Error ? err.message : String(err) }, 'job failed');
        if (attempt < attempts) {
          schedule(() => run(name, payload, options, attempt + 1, key), backoffMs(attempt));
          return;
        }
        if (key) pendingIds.delete(key);
        settleOne();
      });
  };

  return {
    mode: 'in-process',
    enqueue: async (name, payload, options = {}) => {
      const key = options.jobId ? `${name}:${options.jobId}` : null;
      if (key) {
        if (pendingIds.has(key)) return;
        pendingIds.add(key);
      }
      outstanding++;
      schedule(() => run(name, payload, options, 1, key), options.delayMs ?? 0);
    },
    work: (name, handler) => {
      handlers.set(name, handler);
      const queued = waiting.get(name) ?? [];
      waiting.delete(name);
      for (const start of queued) start();
    },
    whenIdle: () => (outstanding === 0 ? Promise.resolve() : new Promise((resolve) => idleWaiters.push(resolve))),
    close: async () => {
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      // Let running jobs finish before the database closes under them, within reason.
      let cap: NodeJS.Timeout | undefined;
      await Promise.race([Promise.allSettled([...inFlight]), new Promise((resolve) => (cap = setTimeout(resolve, DRAIN_MS)))]);
      clearTimeout(cap);
    },
  };
};

export const createBullQueue = (redisUrl: string, prefix: string, log: Logger): JobQueue => {
  const connection: ConnectionOptions = { url: redisUrl, maxRetriesPerRequest: null };
  const queues = new Map<string, BullQueue>();
  const workers: Worker[] = [];
  const queueFor = (name: string) => {
    let queue = queues.get(name);
    if (!queue) {
      queue = new BullQueue(name, { connection, prefix: `${prefix}:bull` });
      queues.set(name, queue);
    }
    return queue;
  };
  return {
    mode: 'bullmq',
    enqueue: async (name, payload, options = {}) => {
      const job = await queueFor(name).add(name, payload, {
        jobId: options.jobId,
        delay: options.delayMs,
        attempts: options.attempts ?? DEFAULT_ATTEMPTS,
        backoff: { type: 'exponential', delay: 500 },
        removeOnComplete: { count: 1000 },
        removeOnFail: { count: 5000 },
      });
      // BullMQ keeps a failed job's id, so adding the same id again would do nothing: the work a
      // reconciler re-enqueues after an outage would never run. Run the kept job again instead.
      if (options.jobId && (await job.isFailed())) await job.retry('failed');
    },
    work: (name, handler) => {
      const worker = new Worker(name, (job) => handler(job.data, { attempt: job.attemptsMade + 1, maxAttempts: job.opts.attempts ?? 1 }), {
        connection,
        prefix: `${prefix}:bull`,
        concurrency: 8,
      });
      worker.on('failed', (job, err) => log.warn({ job: name, jobId: job?.id, err: err.message }, 'job failed'));
      workers.push(worker);
    },
    whenIdle: async () => {
      // BullMQ has no idle event across queues: wait for the condition, checking on each turn.
      for (;;) {
        const counts = await Promise.all([...queues.values()].map((q) => q.getJobCounts('active', 'waiting', 'delayed', 'prioritized', 'waiting-children')));
        if (counts.every((c) => Object.values(c).every((n) => n === 0))) return;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    close: async () => {
      await Promise.allSettled(workers.map((w) => w.close()));
      await Promise.allSettled([...queues.values()].map((q) => q.close()));
    },
  };
};
