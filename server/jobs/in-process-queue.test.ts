import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../logger.ts';
import { createInProcessQueue } from './queue.ts';

const MAX_TIMER_MS = 2 ** 31 - 1;
const DAY = 86_400_000;

describe('in-process queue delays', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  // setTimeout runs a callback at once when given more than 2^31 - 1 ms; a 30-day SLA timer must not.
  it('runs a job delayed past 24.8 days at its time, not at once', async () => {
    vi.useFakeTimers();
    const queue = createInProcessQueue(createLogger('silent'));
    const ran: number[] = [];
    queue.work('test.late', async () => {
      ran.push(Date.now());
    });
    const start = Date.now();
    await queue.enqueue('test.late', {}, { delayMs: 30 * DAY });
    await vi.advanceTimersByTimeAsync(MAX_TIMER_MS);
    expect(ran).toEqual([]);
    await vi.advanceTimersByTimeAsync(30 * DAY - MAX_TIMER_MS - 1);
    expect(ran).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(ran).toEqual([start + 30 * DAY]);
    await queue.close();
  });
});
