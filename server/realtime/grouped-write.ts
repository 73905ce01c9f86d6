import type { EventDraft, TenantEvent } from '../../src/contracts/events.ts';
import type { Tx } from '../db/client.ts';
import type { Deps } from '../deps.ts';
import { afterCommit, commitStatement, writeWithEvents, type StatementWrite, type WriteOptions } from './write-with-events.ts';

type Work<T> = (tx: Tx) => Promise<{ result: T; events: EventDraft[] }>;
type WriteDeps = Pick<Deps, 'db' | 'bus' | 'log' | 'queue' | 'config'>;
type Waiting = {
  work: Work<unknown>;
  statement: StatementWrite<unknown> | undefined;
  opts: WriteOptions;
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
};

/** Most writes in one transaction: bounds its length (and so how long its locks are held). */
const MAX_GROUP = 32;
/**
 * Transactions of one tenant open at once on this node. A group's statements run one after
 * another on one connection, so a single group at a time would cap the rate at one round trip
 * per statement; a few in parallel overlap their round trips and still meet only at the commit.
 * Writes form groups once all of these are busy.
 */
export const CONCURRENT_GROUPS = 4;
/**
 * The shortest time between the starts of two statement groups of a tenant. A statement group
 * takes one round trip, so back to back they would publish (and fan out a frame to every
 * subscriber) almost once per write; spacing them bounds that to one publish per interval.
 * Only a write arriving within this long of the last group's start waits at all.
 */
const STATEMENT_GROUP_INTERVAL_MS = 15;
/** A group does more work than one write; Prisma's 5 s default would fail a large one under load. */
const GROUP_TRANSACTION = { maxWait: 10_000, timeout: 30_000 };

/** `statements`: writes offering a one-statement form, run by one drain at a time (`statementDrain`). */
type TenantQueue = { waiting: Waiting[]; running: number; statements: Waiting[]; statementsRunning: boolean };
const queues = new WeakMap<object, Map<string, TenantQueue>>();

/**
 * Group commit for a tenant's hot writes (webhook ingest). All of a tenant's writes end on its
 * event counter row, so they commit one at a time whatever the concurrency; and each transaction
 * costs a counter bump, a commit, a publish and a fan-out frame per subscriber. Here writes that
 * arrive while the tenant's transactions are running (a few at once) wait and then go together
 * in the next: one transaction, one counter bump, one bus message and one frame per subscriber for all
 * of them. Under light load a group is one write and nothing waits; under heavy load groups grow.
 *
 * A write may also offer `statement`, a one-statement form of itself (`commitStatement`): a
 * group's statements run at once, each its own transaction (the counter lock held only inside
 * PostgreSQL), and their events are published together, in seq order, as one bus message. A
 * statement that does not apply (null) wrote nothing, and its write joins the group's transaction.
 *
 * A group that fails is retried one write at a time, so a write that cannot commit fails alone
 * and the others still do (each `work` must be safe to run again, as for writeWithEvents).
 */
export const writeWithEventsGrouped = <T>(deps: WriteDeps, tenantId: string, work: Work<T>, opts: WriteOptions = {}, statement?: StatementWrite<T>): Promise<T> => {
  let byTenant = queues.get(deps.db);
  if (!byTenant) queues.set(deps.db, (byTenant = new Map()));
  let queue = byTenant.get(tenantId);
  if (!queue) byTenant.set(tenantId, (queue = { waiting: [], running: 0, statements: [], statementsRunning: false }));
  const tenantQueue = queue;
  return new Promise<T>((resolve, reject) => {
    const waiting: Waiting = { work: work as Work<unknown>, statement, opts, resolve: resolve as (value: unknown) => void, reject };
    if (statement) {
      tenantQueue.statements.push(waiting);
      if (!tenantQueue.statementsRunning) {
        tenantQueue.statementsRunning = true;
        void statementDrain(deps, byTenant, tenantId, tenantQueue);
      }
    } else enqueue(deps, byTenant, tenantId, tenantQueue, waiting);
  });
};

const enqueue = (deps: WriteDeps, byTenant: Map<string, TenantQueue>, tenantId: string, queue: TenantQueue, waiting: Waiting) => {
  queue.waiting.push(waiting);
  if (queue.running < CONCURRENT_GROUPS) {
    queue.running++;
    void drain(deps, byTenant, tenantId, queue);
  }
};

const forget = (byTenant: Map<string, TenantQueue>, tenantId: string, queue: TenantQueue) => {
  if (queue.running === 0 && !queue.statementsRunning && queue.waiting.length === 0 && queue.statements.length === 0 && byTenant.get(tenantId) === queue) byTenant.delete(tenantId);
};

/**
 * One group of one-statement writes in flight per tenant: everything that arrived meanwhile goes
 * in the next, so each group is one bus message (one fan-out frame per subscriber) with its events
 * consecutive in seq, as the stream's fast path wants. A write whose statement does not apply
 * joins the transaction groups.
 */
const statementDrain = async (deps: WriteDeps, byTenant: Map<string, TenantQueue>, tenantId: string, queue: TenantQueue) => {
  let lastStart = 0;
  try {
    while (queue.statements.length > 0) {
      // Under load, groups start at most every STATEMENT_GROUP_INTERVAL_MS: fewer, larger publishes.
      const wait = lastStart + STATEMENT_GROUP_INTERVAL_MS - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      lastStart = Date.now();
      const group = queue.statements.splice(0, MAX_GROUP);
      for (const w of await runStatements(deps, tenantId, group)) enqueue(deps, byTenant, tenantId, queue, { ...w, statement: undefined });
    }
  } catch (err) {
    // runStatements settles every write itself; anything here is a bug, and must not strand the queue.
    deps.log.error({ tenantId, err }, 'statement group failed');
  } finally {
    queue.statementsRunning = false;
    forget(byTenant, tenantId, queue);
  }
};

/** Runs one-statement writes at once and publishes their events together; returns the writes whose statement did not apply. */
const runStatements = async (deps: WriteDeps, tenantId: string, group: Waiting[]): Promise<Waiting[]> => {
  const outcomes = await Promise.all(
    group.map((w) =>
      commitStatement(deps, tenantId, w.statement!, w.opts).then(
        (done) => ({ w, done, failed: null }),
        (err: unknown) => ({ w, done: null, failed: { err } }),
      ),
    ),
  );
  const committed: TenantEvent[] = outcomes.flatMap((o) => o.done?.committed ?? []).sort((a, b) => a.seq - b.seq);
  try {
    await afterCommit(deps, tenantId, committed);
  } catch (err) {
    // Committed either way (subscribers recover events from the log): every write still settles.
    deps.log.error({ tenantId, err }, 'after-commit work of a statement group failed');
  }
  const rest: Waiting[] = [];
  for (const { w, done, failed } of outcomes) {
    if (failed) w.reject(failed.err);
    else if (done) w.resolve(done.result);
    else rest.push(w);
  }
  return rest;
};

const drain = async (deps: WriteDeps, byTenant: Map<string, TenantQueue>, tenantId: string, queue: TenantQueue) => {
  try {
    while (queue.waiting.length > 0) {
      const group = queue.waiting.splice(0, MAX_GROUP);
      if (group.length === 1) {
        await settle(group[0]!, () => writeWithEvents(deps, tenantId, group[0]!.work, group[0]!.opts));
        continue;
      }
      const opts = group[0]!.opts;
      try {
        const results = await writeWithEvents(
          deps,
          tenantId,
          async (tx) => {
            const results: unknown[] = [];
            const events: EventDraft[] = [];
            for (const { work } of group) {
              const done = await work(tx);
              results.push(done.result);
              events.push(...done.events);
            }
            return { result: results, events };
          },
          { ...opts, transaction: { ...GROUP_TRANSACTION, ...opts.transaction } },
        );
        group.forEach((w, i) => w.resolve(results[i]));
      } catch (err) {
        deps.log.debug({ tenantId, size: group.length, err: err instanceof Error ? err.message : String(err) }, 'grouped write failed; writing one by one');
        for (const w of group) await settle(w, () => writeWithEvents(deps, tenantId, w.work, w.opts));
      }
    }
  } finally {
    queue.running--;
    forget(byTenant, tenantId, queue);
  }
};

const settle = async (waiting: Waiting, run: () => Promise<unknown>) => {
  try {
    waiting.resolve(await run());
  } catch (err) {
    waiting.reject(err);
  }
};
