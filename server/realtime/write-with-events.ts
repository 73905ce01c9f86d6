import type { EventDraft } from '../../src/contracts/events.ts';
import type { Tx } from '../db/client.ts';
import type { Deps } from '../deps.ts';
import { Prisma } from '../db/generated/client.ts';
import { appendEvents } from './event-log.ts';
import { publishEvents } from './publish-events.ts';
import { scheduleStatsRefresh } from '../dashboard/stats/stats.job.ts';

/** A deadlock, serialization failure or transaction timeout: it did nothing and may simply run again. */
const isTransient = (err: unknown): boolean =>
  err instanceof Prisma.PrismaClientKnownRequestError && (err.code === 'P2034' || err.code === 'P2028' || /40P01|40001|deadlock/i.test(err.message));

const isUniqueViolation = (err: unknown): boolean => err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002';

export type WriteOptions = {
  /**
   * Run again when a unique constraint fired: for check-then-insert work (dedupe by provider id,
   * find-or-create) racing a concurrent twin, whose committed row the retry then finds.
   */
  retryOnUniqueViolation?: boolean;
  /**
   * Longer waits for a pooled connection and for the transaction itself, for writes that queue
   * on a shared row lock by design (e.g. a burst of ticket creations on the workspace's number
   * counter): waiting in line is right there, failing after Prisma's 2 s/5 s defaults is not.
   */
  transaction?: { maxWait?: number; timeout?: number };
};

const MAX_ATTEMPTS = 4;

/**
 * The one way a service changes tenant data: a transaction that does the work, appends its
 * events (bumping the tenant's counter row last, so the counter lock is held only for the
 * insert and the commit), commits, then publishes. A throw rolls everything back, events
 * included. Every writer takes row locks first and the counter last, so the counter never
 * closes a deadlock cycle; the rare row-order deadlock is retried.
 */
export const writeWithEvents = async <T>(
  deps: Pick<Deps, 'db' | 'bus' | 'log' | 'queue' | 'config'>,
  tenantId: string,
  work: (tx: Tx) => Promise<{ result: T; events: EventDraft[] }>,
  opts: WriteOptions = {},
): Promise<T> => {
  for (let attempt = 1; ; attempt++) {
    try {
      const { result, committed } = await deps.db.$transaction(async (tx) => {
        const { result, events } = await work(tx);
        return { result, committed: await appendEvents(tx, tenantId, events) };
      }, opts.transaction);
      await publishEvents(deps, tenantId, committed);
      // After commit, like publishing: the analytics rows of the conversations this changed.
      await scheduleStatsRefresh(deps, tenantId, committed);
      return result;
    } catch (err) {
      const retry = attempt < MAX_ATTEMPTS && (isTransient(err) || (opts.retryOnUniqueViolation === true && isUniqueViolation(err)));
      if (!retry) throw err;
      deps.log.debug({ tenantId, attempt, err: err instanceof Error ? err.message : String(err) }, 'write raced; retrying');
    }
  }
};
