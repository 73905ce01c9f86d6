import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createBullQueue, createInProcessQueue, type JobQueue } from '../../server/jobs/queue.ts';
import { createLogger } from '../../server/logger.ts';
import { Collector } from '../support/events.ts';
import { TEST_REDIS_URL } from '../support/env.ts';

const log = createLogger('silent');
const adapters: Record<string, () => JobQueue> = {
  'in-process': () => createInProcessQueue(log),
  bullmq: () => createBullQueue(TEST_REDIS_URL, `${inject('redisPrefix')}-${randomUUID().slice(0, 8)}`, log),
};

// The same contract for both adapters: the product must not behave differently without Redis.
describe.each(Object.keys(adapters))('job queue (%s)', (mode) => {
  let queue: JobQueue;
  afterEach(() => queue.close());

  it('runs an enqueued job on a registered worker with its payload', async () => {
    queue = adapters[mode]!();
    const done = new Collector<unknown>();
    queue.work('test.echo', async (payload) => done.push(payload));
    await queue.enqueue('test.echo', { tenantId: 't1', n: 42 });
    await done.until((items) => items.length === 1);
    expect(done.items).toEqual([{ tenantId: 't1', n: 42 }]);
  });

  it('keeps a job enqueued before any worker registered', async () => {
    queue = adapters[mode]!();
    await queue.enqueue('test.early', { n: 1 });
    const done = new Collector<unknown>();
    queue.work('test.early', async (payload) => done.push(payload));
    await done.until((items) => items.length === 1);
  });

  it('retries a failing job until it succeeds, counting attempts', async () => {
    queue = adapters[mode]!();
    const attempts = new Collector<number>();
    queue.work('test.flaky', async (_payload, { attempt }) => {
      attempts.push(attempt);
      if (attempt < 2) throw new Error('transient');
    });
    await queue.enqueue('test.flaky', {}, { attempts: 3 });
    await attempts.until((items) => items.length === 2);
    expect(attempts.items).toEqual([1, 2]);
  });

  it('runs a job id once while it is pending, however often it is enqueued', async () => {
    queue = adapters[mode]!();
    const runs = new Collector<string>();
    await Promise.all([1, 2, 3].map(() => queue.enqueue('test.once', { id: 'a' }, { jobId: 'a', delayMs: 50 })));
    await queue.enqueue('test.once', { id: 'b' }, { jobId: 'b', delayMs: 80 });
    queue.work('test.once', async (payload) => runs.push((payload as { id: string }).id));
    await runs.until((items) => items.includes('b'));
    expect(runs.items).toEqual(['a', 'b']);
  });
});

describe('job queue (bullmq) after a final failure', () => {
  it('runs a kept failed job again when its id is enqueued again, as the start-up reconciler does', async () => {
    const queue = adapters.bullmq!();
    try {
      const runs = new Collector<number>();
      let healthy = false;
      queue.work('test.recover', async () => {
        runs.push(runs.items.length + 1);
        if (!healthy) throw new Error('database down');
      });
      await queue.enqueue('test.recover', {}, { jobId: 'owed-1', attempts: 1 });
      await runs.until((r) => r.length === 1);
      await queue.whenIdle();
      healthy = true;
      await queue.enqueue('test.recover', {}, { jobId: 'owed-1', attempts: 1 });
      await runs.until((r) => r.length === 2);
    } finally {
      await queue.close();
    }
  });
});

describe('job queue (in-process) on close', () => {
  it('lets a running job finish before it resolves', async () => {
    const queue = adapters['in-process']!();
    let release: () => void = () => {};
    const started = new Collector<true>();
    let finished = false;
    queue.work('test.slow', async () => {
      started.push(true);
      await new Promise<void>((resolve) => (release = resolve));
      finished = true;
    });
    await queue.enqueue('test.slow', {});
    await started.until((s) => s.length === 1);
    let closed = false;
    const closing = queue.close().then(() => (closed = true));
    // Give close() every chance to resolve early: it must still be waiting for the job.
    await new Promise((resolve) => setImmediate(resolve));
    expect(closed).toBe(false);
    release();
    await closing;
    expect(finished).toBe(true);
  });
});
