import type { EventDraft, TenantEvent } from '../../src/contracts/events.ts';
import type { Db, Tx } from '../db/client.ts';
import type { Deps } from '../deps.ts';
import { Prisma } from '../db/generated/client.ts';
import { appendEvents } from './event-log.ts';
import { publishEvents } from './publish-events.ts';
import { scheduleStatsRefresh } from '../dashboard/stats/stats.job.ts';

/** A deadlock, serialization failure or transaction timeout: it did nothing and may simply run again. */
const isTransient = (err: unknown): boolean =>
  err instanceof Prisma.PrismaClientKnownRequestError && (err.code === 'P2034' || err.code === 'P2028' || /40P01|40001|deadlock/i.test(err.message));

/** P2002 from the model API; a raw statement's (the hot ingest path's) comes as P2010 carrying PostgreSQL's 23505. */
const isUniqueViolation = (err: unknown): boolean =>
  err instanceof Prisma.PrismaClientKnownRequestError &&
  (err.code === 'P2002' || (err.code === 'P2010' && (err.meta as { driverAdapterError?: { cause?: { originalCode?: string } } } | undefined)?.driverAdapterError?.cause?.originalCode === '23505'));

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

type WriteDeps = Pick<Deps, 'db' | 'bus' | 'log' | 'queue' | 'config'>;

/** What follows every commit of events: publish them, then refresh the analytics rows they change. */
export const afterCommit = async (deps: WriteDeps, tenantId: string, committed: TenantEvent[]): Promise<void> => {
  await publishEvents(deps, tenantId, committed);
  await scheduleStatsRefresh(deps, tenantId, committed);
};

const shouldRetry = (err: unknown, attempt: number, opts: WriteOptions): boolean =>
  attempt < MAX_ATTEMPTS && (isTransient(err) || (opts.retryOnUniqueViolation === true && isUniqueViolation(err)));

/**
 * The one way a service changes tenant data: a transaction that does the work, appends its
 * events (bumping the tenant's counter row last, so the counter lock is held only for the
 * insert and the commit), commits, then publishes. A throw rolls everything back, events
 * included. Every writer takes row locks first and the counter last, so the counter never
 * closes a deadlock cycle; the rare row-order deadlock is retried.
 */
export const writeWithEvents = async <T>(
  deps: WriteDeps,
  tenantId: string,
  work: (tx: Tx) => Promise<{ result: T; events: EventDraft[] }>,
  opts: WriteOptions = {},
): Promise<T> =>
  retrying(deps, tenantId, opts, async () => {
    const { result, committed } = await deps.db.$transaction(async (tx) => {
      const { result, events } = await work(tx);
      return { result, committed: await appendEvents(tx, tenantId, events) };
    }, opts.transaction);
    await afterCommit(deps, tenantId, committed);
    return result;
  });

/** Runs `write` again while it fails in a way a new attempt can fix (`shouldRetry`). */
const retrying = async <R>(deps: WriteDeps, tenantId: string, opts: WriteOptions, write: () => Promise<R>): Promise<R> => {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (err) {
      if (!shouldRetry(err, attempt, opts)) throw err;
      deps.log.debug({ tenantId, attempt, err: err instanceof Error ? err.message : String(err) }, 'write raced; retrying');
    }
  }
};

/** A write that is one statement run on its own (autocommit), appending its events itself (`appendEventsCtes`); null when it does not apply and wrote nothing. */
export type StatementWrite<T> = (db: Db) => Promise<{ result: T; committed: TenantEvent[] } | null>;

/**
 * Runs a one-statement write, retrying as `writeWithEvents` does (the statement commits or writes
 * nothing, like a rolled-back transaction). It does not publish: the caller hands `committed` to
 * `afterCommit`, possibly together with other writes' events. One round trip, and the tenant's
 * counter lock is held only inside PostgreSQL.
 */
export const commitStatement = <T>(deps: WriteDeps, tenantId: string, statement: StatementWrite<T>, opts: WriteOptions = {}) =>
  retrying(deps, tenantId, opts, () => statement(deps.db));
