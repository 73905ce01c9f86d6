import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { TenantEvent } from '../../../src/contracts/events.ts';
import { createLogger } from '../../logger.ts';
import { createInProcessQueue, type JobQueue } from '../../jobs/queue.ts';
import { ACTIVITY_VOLUME_JOB, CONVERSATION_STATS_JOB, scheduleStatsRefresh } from './stats.job.ts';

const log = createLogger('silent');
// A window far longer than the test, so every call falls in the same one.
const config = { statsDebounceMs: 2 ** 40 };
const tenantId = randomUUID();
const createdAt = '2026-03-01T10:07:00.000Z';

const messageCreated = (conversationId: string) =>
  ({ type: 'message.created', seq: 1, tenantId, actorId: null, createdAt, payload: { message: { createdAt }, conversation: { id: conversationId, createdAt } } }) as unknown as TenantEvent;

let queue: JobQueue | null = null;
afterEach(async () => {
  await queue?.close();
  queue = null;
});

/** The real in-process queue, with every enqueue it receives written down. */
const recordingQueue = () => {
  const real = createInProcessQueue(log);
  queue = real;
  const calls: Array<{ name: string; jobId: string | undefined }> = [];
  const recording: JobQueue = { ...real, enqueue: (name, payload, options) => (calls.push({ name, jobId: options?.jobId }), real.enqueue(name, payload, options)) };
  return { queue: recording, calls };
};

describe('scheduleStatsRefresh', () => {
  it('asks once per conversation and volume bucket per window, however many events and calls', async () => {
    const { queue, calls } = recordingQueue();
    const [a, b] = [randomUUID(), randomUUID()];
    await scheduleStatsRefresh({ queue, config, log }, tenantId, [messageCreated(a), messageCreated(b), messageCreated(a)]);
    await scheduleStatsRefresh({ queue, config, log }, tenantId, [messageCreated(a)]);
    await scheduleStatsRefresh({ queue, config, log }, tenantId, [messageCreated(b), messageCreated(a)]);
    expect(calls.filter((c) => c.name === CONVERSATION_STATS_JOB).map((c) => c.jobId?.split('.')[0]).sort()).toEqual([a, b].sort());
    expect(calls.filter((c) => c.name === ACTIVITY_VOLUME_JOB)).toHaveLength(1);
  });

  it('asks again after a failed enqueue', async () => {
    const { queue, calls } = recordingQueue();
    const conversationId = randomUUID();
    let failNext = true;
    const flaky: JobQueue = {
      ...queue,
      enqueue: async (name, payload, options) => {
        if (failNext && name === CONVERSATION_STATS_JOB) {
          failNext = false;
          calls.push({ name, jobId: options?.jobId });
          throw new Error('redis down');
        }
        return queue.enqueue(name, payload, options);
      },
    };
    await scheduleStatsRefresh({ queue: flaky, config, log }, tenantId, [messageCreated(conversationId)]);
    await scheduleStatsRefresh({ queue: flaky, config, log }, tenantId, [messageCreated(conversationId)]);
    await scheduleStatsRefresh({ queue: flaky, config, log }, tenantId, [messageCreated(conversationId)]);
    expect(calls.filter((c) => c.name === CONVERSATION_STATS_JOB)).toHaveLength(2);
  });
});
