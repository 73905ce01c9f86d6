import { MAX_EVENTS_PER_ITEM, MAX_REPLAY_EVENTS, type StreamItem, type TenantEvent } from '../../src/contracts/events.ts';
import type { Db } from '../db/client.ts';
import type { Bus } from './bus.ts';
import { readEvents, readHeadSeq } from './event-log.ts';
import { readCommittedRange } from './shared-log-reads.ts';

export type StreamOptions = {
  db: Db;
  bus: Bus;
  tenantId: string;
  /** The last seq the client has applied; null for a fresh client that starts at the head. */
  lastSeq: number | null;
  signal: AbortSignal;
  /**
   * How long a quiet stream waits before comparing with the log's head: a bus message lost in a
   * Redis reconnect is otherwise only noticed when the tenant's next event arrives.
   */
  headCheckMs?: number;
  /**
   * Writes a live batch straight to the subscriber (its tRPC frame), bypassing the async-iterator
   * chain. Used only while the stream is parked, caught up, waiting for the bus: every item
   * yielded before has then been sent, so a direct write cannot overtake one.
   */
  direct?: (events: TenantEvent[]) => void;
};

const HEAD_CHECK_MS = 15_000;

/** Live batches written by the fast path (`direct`), for tests and the bench to see it working. */
export const streamCounters = { directBatches: 0 };

/**
 * Quiet streams of one tenant on this node share one head read per second. The check is a safety
 * net for lost bus messages, and one query per subscriber every 15 s adds up: 10,000 idle screens
 * would run ~670 queries a second. A shared read is at most this much older than a private one.
 * (The head read at subscribe time, which decides replay or resync, is never shared.)
 */
const HEAD_SHARE_MS = 1000;
const sharedHeads = new WeakMap<Db, Map<string, { at: number; head: Promise<number> }>>();

const sharedHeadSeq = (db: Db, tenantId: string): Promise<number> => {
  let byTenant = sharedHeads.get(db);
  if (!byTenant) sharedHeads.set(db, (byTenant = new Map()));
  const now = Date.now();
  const hit = byTenant.get(tenantId);
  if (hit && now - hit.at < HEAD_SHARE_MS) return hit.head;
  const head = readHeadSeq(db, tenantId);
  const entry = { at: now, head };
  byTenant.set(tenantId, entry);
  // A failed read is not shared: the next check asks again.
  head.catch(() => byTenant.get(tenantId) === entry && byTenant.delete(tenantId));
  return head;
};

/**
 * The head for a stream that has just started listening on the bus. Streams of one tenant that
 * start together (a thousand screens reconnecting after a deploy) share one read, but only one
 * that had not yet been sent when they asked: it then reads a snapshot taken after every one of
 * them was listening, which is all the replay-or-live decision needs.
 */
const pendingHeads = new WeakMap<Db, Map<string, Promise<number>>>();

const headAfterListening = (db: Db, tenantId: string): Promise<number> => {
  let byTenant = pendingHeads.get(db);
  if (!byTenant) pendingHeads.set(db, (byTenant = new Map()));
  const waiting = byTenant.get(tenantId);
  if (waiting) return waiting;
  const tenantReads = byTenant;
  const read = new Promise<number>((resolve, reject) =>
    setImmediate(() => {
      // From here on, a new caller needs a new read.
      tenantReads.delete(tenantId);
      readHeadSeq(db, tenantId).then(resolve, reject);
    }),
  );
  byTenant.set(tenantId, read);
  return read;
};

/**
 * Yields every event of a tenant after `lastSeq` exactly once, in order: first it listens on the
 * bus, then replays the log, then continues live. Listening first means nothing committed during
 * the replay is missed; the seq cursor drops what both paths deliver. A live event that skips
 * ahead (another node published out of order, or a message was lost) is preceded by the missing
 * range read from the log, which is already committed because commit order equals seq order.
 *
 * Events go out in batches: a replayed page is one item, and whatever arrived live while the
 * consumer was busy with the previous item is the next one. The per-item cost (the subscription's
 * async-iterator chain, one WebSocket frame) is what bounds fan-out, so a subscriber that falls
 * behind catches up with fewer, larger items instead of queueing more of them. Where a batch is
 * exactly what the bus (or a shared log read) delivered, it is that same array, which the
 * WebSocket encoder then serialises once for every subscriber on the node.
 */
export async function* streamEvents({ db, bus, tenantId, lastSeq, signal, headCheckMs = HEAD_CHECK_MS, direct }: StreamOptions): AsyncGenerator<StreamItem> {
  // The last seq delivered (set from the head or `lastSeq` before anything is delivered).
  let cursor = 0;
  // Waiting for the bus with nothing in hand: the only state in which `direct` may write.
  let parked = false;
  let arrived: TenantEvent[][] = [];
  let arrivedCount = 0;
  let overflowed = false;
  let wake: (() => void) | null = null;
  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  const unsubscribe = await bus.subscribe(tenantId, (events) => {
    if (overflowed || events.length === 0) return;
    // The fast path: caught up and idle, and this is exactly what comes next.
    if (direct && parked && arrived.length === 0 && !signal.aborted && events[0]!.seq === cursor + 1 && events.length <= MAX_EVENTS_PER_ITEM && isConsecutive(events)) {
      cursor = events[events.length - 1]!.seq;
      streamCounters.directBatches++;
      direct(events);
      return;
    }
    arrived.push(events);
    arrivedCount += events.length;
    // A consumer this far behind reads from the log instead of holding events in memory.
    if (arrivedCount > MAX_REPLAY_EVENTS) {
      arrived = [];
      arrivedCount = 0;
      overflowed = true;
    }
    notify();
  });
  signal.addEventListener('abort', notify, { once: true });

  try {
    const head = await headAfterListening(db, tenantId);
    if (lastSeq === null) {
      yield { kind: 'ready', headSeq: head };
      cursor = head;
    } else if (lastSeq > head || head - lastSeq > MAX_REPLAY_EVENTS) {
      yield { kind: 'resync', headSeq: head };
      cursor = head;
    } else {
      cursor = lastSeq;
    }

    // Bounded by a committed seq, a range is immutable and shared with other streams replaying it.
    async function* fromLog(beforeSeq?: number): AsyncGenerator<StreamItem> {
      for (;;) {
        if (beforeSeq !== undefined && cursor + 1 >= beforeSeq) return;
        const range = { afterSeq: cursor, limit: MAX_EVENTS_PER_ITEM };
        const page = beforeSeq === undefined ? await readEvents(db, tenantId, range) : await readCommittedRange(db, tenantId, { ...range, beforeSeq });
        if (page.length > 0) {
          cursor = page[page.length - 1]!.seq;
          yield { kind: 'events', events: page };
        }
        if (page.length < MAX_EVENTS_PER_ITEM || signal.aborted) return;
      }
    }

    // Up to the head read after subscribing: anything later is committed after that read, so
    // published after we listened, and arrives on the bus (or through the gap check).
    yield* fromLog(head + 1);

    while (!signal.aborted) {
      if (overflowed) {
        overflowed = false;
        yield* fromLog();
        continue;
      }
      if (arrived.length === 0) {
        let timer: NodeJS.Timeout | undefined;
        parked = true;
        const quiet = await new Promise<boolean>((resolve) => {
          wake = () => resolve(false);
          timer = setTimeout(() => resolve(true), headCheckMs);
        });
        parked = false;
        clearTimeout(timer);
        wake = null;
        if (quiet && !signal.aborted && (await sharedHeadSeq(db, tenantId)) > cursor) yield* fromLog();
        continue;
      }
      const batches = arrived;
      arrived = [];
      arrivedCount = 0;
      // One bus message, all new and in order (the common case): pass its array on as it is.
      const only = batches.length === 1 ? batches[0]! : null;
      if (only && only[0]!.seq === cursor + 1 && only.length <= MAX_EVENTS_PER_ITEM && isConsecutive(only)) {
        cursor = only[only.length - 1]!.seq;
        yield { kind: 'events', events: only };
        continue;
      }
      let run: TenantEvent[] = [];
      for (const event of batches.flat().sort((a, b) => a.seq - b.seq)) {
        if (event.seq <= cursor) continue;
        if (event.seq > cursor + 1) {
          if (run.length > 0) yield { kind: 'events', events: run };
          run = [];
          yield* fromLog(event.seq);
          if (event.seq <= cursor) continue;
        }
        cursor = event.seq;
        run.push(event);
        if (run.length === MAX_EVENTS_PER_ITEM) {
          yield { kind: 'events', events: run };
          run = [];
        }
      }
      if (run.length > 0) yield { kind: 'events', events: run };
    }
  } finally {
    signal.removeEventListener('abort', notify);
    unsubscribe();
  }
}

const isConsecutive = (events: TenantEvent[]): boolean => {
  for (let i = 1; i < events.length; i++) if (events[i]!.seq !== events[i - 1]!.seq + 1) return false;
  return true;
};
