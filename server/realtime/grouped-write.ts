import type { EventDraft } from '../../src/contracts/events.ts';
import type { Tx } from '../db/client.ts';
import type { Deps } from '../deps.ts';
import { writeWithEvents, type WriteOptions } from './write-with-events.ts';

type Work<T> = (tx: Tx) => Promise<{ result: T; events: EventDraft[] }>;
type WriteDeps = Pick<Deps, 'db' | 'bus' | 'log' | 'queue' | 'config'>;
type Waiting = { work: Work<unknown>; resolve: (value: unknown) => void; reject: (err: unknown) => void };

/** Most writes in one transaction: bounds its length (and so how long its locks are held). */
const MAX_GROUP = 32;
/**
 * Transactions of one tenant open at once on this node. A group's statements run one after
 * another on one connection, so a single group at a time would cap the rate at one round trip
 * per statement; a few in parallel overlap their round trips and still meet only at the commit.
 * Writes form groups once all of these are busy.
 */
export const CONCURRENT_GROUPS = 4;
/** A group does more work than one write; Prisma's 5 s default would fail a large one under load. */
const GROUP_TRANSACTION = { maxWait: 10_000, timeout: 30_000 };

type TenantQueue = { waiting: Waiting[]; running: number };
const queues = new WeakMap<object, Map<string, TenantQueue>>();

/**
 * Group commit for a tenant's hot writes (webhook ingest). All of a tenant's writes end on its
 * event counter row, so they commit one at a time whatever the concurrency; and each transaction
 * costs a counter bump, a commit, a publish and a fan-out frame per subscriber. Here writes that
 * arrive while the tenant's transactions are running (a few at once) wait and then go together
 * in the next: one transaction, one counter bump, one bus message and one frame per subscriber for all
 * of them. Under light load a group is one write and nothing waits; under heavy load groups grow.
 *
 * A group that fails is retried one write at a time, so a write that cannot commit fails alone
 * and the others still do (each `work` must be safe to run again, as for writeWithEvents).
 */
export const writeWithEventsGrouped = <T>(deps: WriteDeps, tenantId: string, work: Work<T>, opts: WriteOptions = {}): Promise<T> => {
  let byTenant = queues.get(deps.db);
  if (!byTenant) queues.set(deps.db, (byTenant = new Map()));
  let queue = byTenant.get(tenantId);
  if (!queue) byTenant.set(tenantId, (queue = { waiting: [], running: 0 }));
  const tenantQueue = queue;
  return new Promise<T>((resolve, reject) => {
    tenantQueue.waiting.push({ work: work as Work<unknown>, resolve: resolve as (value: unknown) => void, reject });
    if (tenantQueue.running < CONCURRENT_GROUPS) {
      tenantQueue.running++;
      void drain(deps, byTenant, tenantId, tenantQueue, opts);
    }
  });
};

const drain = async (deps: WriteDeps, byTenant: Map<string, TenantQueue>, tenantId: string, queue: TenantQueue, opts: WriteOptions) => {
  try {
    while (queue.waiting.length > 0) {
      const group = queue.waiting.splice(0, MAX_GROUP);
      if (group.length === 1) {
        await settle(group[0]!, () => writeWithEvents(deps, tenantId, group[0]!.work, opts));
        continue;
      }
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
        for (const w of group) await settle(w, () => writeWithEvents(deps, tenantId, w.work, opts));
      }
    }
  } finally {
    queue.running--;
    if (queue.running === 0 && queue.waiting.length === 0 && byTenant.get(tenantId) === queue) byTenant.delete(tenantId);
  }
};

const settle = async (waiting: Waiting, run: () => Promise<unknown>) => {
  try {
    waiting.resolve(await run());
  } catch (err) {
    waiting.reject(err);
  }
};
