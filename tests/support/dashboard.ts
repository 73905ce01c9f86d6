import { onTestFinished } from 'vitest';
import type { LiveSnapshotDto } from '../../src/contracts/dashboard.ts';
import type { ApiUser } from './api-client.ts';

// A guard against hanging, not a latency budget: pushes arrive well within it even on a busy machine.
const WAIT_MS = 20_000;

/**
 * `user`'s `dashboard.live` subscription: every pushed snapshot, and a wait for one that
 * satisfies a condition (failing with the last snapshot seen after a deadline). Nothing here
 * refetches: a condition met later can only have been met by a push.
 */
export const watchLiveDashboard = (user: ApiUser, timeZone = 'UTC') => {
  const { client } = user.live();
  const snapshots: LiveSnapshotDto[] = [];
  const waiters = new Set<() => void>();
  let failure: unknown = null;
  const subscription = client.dashboard.live.subscribe(
    { timeZone },
    {
      onData: (data) => {
        snapshots.push(data);
        for (const wake of waiters) wake();
      },
      onError: (err) => {
        failure = err;
        for (const wake of waiters) wake();
      },
    },
  );
  const until = (done: (s: LiveSnapshotDto) => boolean, what = 'live snapshot'): Promise<LiveSnapshotDto> =>
    new Promise((resolve, reject) => {
      const finish = (outcome: () => void) => {
        clearTimeout(timer);
        waiters.delete(check);
        outcome();
      };
      const timer = setTimeout(
        () => finish(() => reject(new Error(`${what}: not within ${WAIT_MS} ms; last: ${JSON.stringify(snapshots.at(-1))}`))),
        WAIT_MS,
      );
      const check = () => {
        const last = snapshots.at(-1);
        if (failure) finish(() => reject(failure));
        else if (last && done(last)) finish(() => resolve(last));
      };
      waiters.add(check);
      check();
    });
  /** The first failure the subscription reported (e.g. FORBIDDEN). */
  const error = () =>
    new Promise<unknown>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('subscription reported no error')), WAIT_MS);
      const check = () => {
        if (!failure) return;
        clearTimeout(timer);
        waiters.delete(check);
        resolve(failure);
      };
      waiters.add(check);
      check();
    });
  const stop = async () => {
    subscription.unsubscribe();
    await user.close();
  };
  onTestFinished(stop);
  return { snapshots, until, error, stop, latest: () => snapshots.at(-1) };
};
