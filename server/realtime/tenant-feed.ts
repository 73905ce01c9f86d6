import { MAX_EVENTS_PER_ITEM, MAX_REPLAY_EVENTS, type StreamItem, type TenantEvent } from '../../src/contracts/events.ts';
import type { Db } from '../db/client.ts';
import type { Logger } from '../logger.ts';
import type { Bus } from './bus.ts';
import { readHeadSeq } from './event-log.ts';
import { FeedSubscription, type StreamSink } from './feed-subscription.ts';
import { readCommittedRange } from './shared-log-reads.ts';

export type FeedOptions = { db: Db; bus: Bus; log: Logger };

/**
 * How long a quiet feed waits before comparing with the log's head: a bus message lost in a Redis
 * reconnect is otherwise only noticed when the tenant's next event arrives.
 */
export const HEAD_CHECK_MS = 15_000;
/** A failed log read is tried again after this long; subscribers wait, in order, meanwhile. */
const RETRY_MS = 1000;

/**
 * Every `events.stream` subscriber of one tenant on this node, fed by one bus subscription. The
 * feed keeps the last seq it delivered; subscribers that have caught up to it form its live set
 * and get each batch as the bus delivered it, the same array and item for all of them (so it is
 * serialised once). Idle, a subscriber costs an entry in a set, not a suspended async iterator
 * with its own bus listener and timer: that is what lets one node hold 10,000 quiet screens.
 *
 * Exactly once and in order: the feed listens on the bus before it reads the head, drops what it
 * already delivered, and reads a gap (a live batch that skips ahead: another node published out
 * of order, or a message was lost) from the log before going on; what a batch skips is committed,
 * because commit order equals seq order. A subscriber behind the feed reads pages from the log up
 * to the feed's seq and joins the live set in the same turn as it reaches it, so no delivery can
 * fall between. One that falls behind live (its socket not draining) leaves the set and catches
 * up the same way once it drains, instead of buffering without bound.
 */
export class TenantFeed {
  /** The last seq delivered to the live set. */
  private seq = 0;
  private readonly live = new Set<FeedSubscription>();
  private members = 0;
  /** A head read or a gap fill is under way: bus messages wait here, in order. */
  private working = true;
  private pending: TenantEvent[][] = [];
  private pendingCount = 0;
  /** More arrived while working than is worth holding: read to the head when done instead. */
  private overflowed = false;
  private closed = false;
  private lastHeard = Date.now();
  private checkingHead = false;
  /** A check was asked for while one was on its way (whose head may predate what it is for). */
  private recheckHead = false;
  private unsubscribe: (() => void) | null = null;
  private readonly timer: NodeJS.Timeout;
  private readonly ready: Promise<void>;

  constructor(
    private readonly tenantId: string,
    private readonly opts: FeedOptions,
    headCheckMs: number,
    private readonly onClosed: () => void,
  ) {
    this.timer = setInterval(() => {
      if (Date.now() - this.lastHeard >= headCheckMs) void this.checkHead();
    }, headCheckMs);
    this.timer.unref();
    this.ready = (async () => {
      const unsubscribe = await opts.bus.subscribe(tenantId, (events) => this.heard(events));
      if (this.closed) return unsubscribe();
      this.unsubscribe = unsubscribe;
      this.seq = await readHeadSeq(opts.db, tenantId);
      this.working = false;
      this.drainPending();
    })();
    this.ready.catch(() => this.shut());
  }

  /** A subscriber from `lastSeq` (null: a fresh one, told the head). Items start flowing to `sink` at once. */
  async subscribe(lastSeq: number | null, sink: StreamSink): Promise<FeedSubscription> {
    const sub = new FeedSubscription(this, sink);
    this.members++;
    try {
      await this.ready;
      if (lastSeq === null) {
        sink.send({ kind: 'ready', headSeq: this.seq });
        this.join(sub, this.seq);
      } else if (this.seq - lastSeq > MAX_REPLAY_EVENTS) {
        sink.send({ kind: 'resync', headSeq: this.seq });
        this.join(sub, this.seq);
      } else if (lastSeq > this.seq) {
        // Ahead of this node's feed: events still on their way here, or a restored database.
        const head = await readHeadSeq(this.opts.db, this.tenantId);
        if (lastSeq > head) sink.send({ kind: 'resync', headSeq: head });
        this.join(sub, Math.min(lastSeq, head));
      } else {
        this.join(sub, lastSeq);
      }
    } catch (err) {
      // The caller never gets the subscription: it must not keep the feed alive.
      sub.close();
      throw err;
    }
    return sub;
  }

  leave(sub: FeedSubscription): void {
    this.live.delete(sub);
    if (--this.members === 0) this.shut();
  }

  /** `sub` has sent everything up to `cursor`: live now if that is the feed's seq or past it, else catching up first. */
  private join(sub: FeedSubscription, cursor: number): void {
    if (cursor >= this.seq) {
      sub.skipThrough = cursor > this.seq ? cursor : 0;
      this.live.add(sub);
      return;
    }
    sub.cursor = cursor;
    void this.catchUp(sub);
  }

  private async catchUp(sub: FeedSubscription): Promise<void> {
    while (!sub.closed) {
      if (sub.cursor >= this.seq) return this.join(sub, sub.cursor);
      if (sub.sink.backedUp) {
        await sub.drained();
        continue;
      }
      // Bounded by a delivered seq, the range is committed and immutable: subscribers resuming
      // from the same place share the read, and the frames built from it.
      const page = await this.readPage(sub.cursor, this.seq);
      if (sub.closed) return;
      if (!page) continue;
      // Cannot happen while seqs are handed out without gaps; never spin on it.
      if (page[0]?.seq !== sub.cursor + 1) this.opts.log.error({ tenantId: this.tenantId, after: sub.cursor }, 'event stream: log has a gap');
      if (page.length === 0) {
        sub.cursor = this.seq;
        continue;
      }
      sub.cursor = page[page.length - 1]!.seq;
      sub.sink.send({ kind: 'events', events: page });
    }
  }

  /** A page of (afterSeq, throughSeq], committed; null after a failed read, once RETRY_MS have passed (the caller tries again). */
  private async readPage(afterSeq: number, throughSeq: number): Promise<TenantEvent[] | null> {
    try {
      return await readCommittedRange(this.opts.db, this.tenantId, { afterSeq, beforeSeq: throughSeq + 1, limit: MAX_EVENTS_PER_ITEM });
    } catch (err) {
      this.opts.log.error({ err, tenantId: this.tenantId, afterSeq }, 'event stream: log read failed, retrying');
      await delay(RETRY_MS);
      return null;
    }
  }

  private heard(events: TenantEvent[]): void {
    this.lastHeard = Date.now();
    if (events.length === 0 || this.closed) return;
    if (!this.working) return this.take(events);
    if (this.overflowed) return;
    this.pending.push(events);
    this.pendingCount += events.length;
    if (this.pendingCount > MAX_REPLAY_EVENTS) {
      this.pending = [];
      this.pendingCount = 0;
      this.overflowed = true;
    }
  }

  private take(events: TenantEvent[]): void {
    const last = events[events.length - 1]!.seq;
    if (last <= this.seq) return;
    if (events[0]!.seq === this.seq + 1 && events.length <= MAX_EVENTS_PER_ITEM && isConsecutive(events)) return this.deliver(events);
    // A gap, an overlap or a disorder: everything up to `last` is committed, so the log has it in order.
    this.fill(last);
  }

  private deliver(events: TenantEvent[]): void {
    const first = events[0]!.seq;
    this.seq = events[events.length - 1]!.seq;
    const item: StreamItem = { kind: 'events', events };
    for (const sub of this.live) {
      if (sub.sink.backedUp) {
        this.live.delete(sub);
        sub.cursor = Math.max(first - 1, sub.skipThrough);
        sub.skipThrough = 0;
        void sub.drained().then(() => this.catchUp(sub));
        continue;
      }
      if (sub.skipThrough < first) {
        sub.skipThrough = 0;
        sub.sink.send(item);
        continue;
      }
      if (sub.skipThrough < this.seq) sub.sink.send({ kind: 'events', events: events.filter((e) => e.seq > sub.skipThrough) });
      if (sub.skipThrough <= this.seq) sub.skipThrough = 0;
    }
  }

  /** Reads (seq, target] from the log and delivers it, then goes on with what the bus brought meanwhile. */
  private fill(target: number): void {
    this.working = true;
    void (async () => {
      while (this.seq < target && !this.closed) {
        const page = await this.readPage(this.seq, target);
        if (this.closed) return;
        if (!page) continue;
        if (page[0]?.seq !== this.seq + 1) this.opts.log.error({ tenantId: this.tenantId, after: this.seq, target }, 'event stream: log has a gap');
        if (page.length === 0) break;
        this.deliver(page);
      }
      this.working = false;
      this.drainPending();
    })();
  }

  private drainPending(): void {
    while (!this.working && this.pending.length > 0) {
      const events = this.pending.shift()!;
      this.pendingCount -= events.length;
      this.take(events);
    }
    if (this.working) return;
    if (this.overflowed || this.recheckHead) {
      this.overflowed = false;
      void this.checkHead();
    }
  }

  private async checkHead(): Promise<void> {
    if (this.closed) return;
    if (this.working || this.checkingHead) {
      this.recheckHead = true;
      return;
    }
    this.recheckHead = false;
    this.checkingHead = true;
    this.lastHeard = Date.now();
    try {
      const head = await readHeadSeq(this.opts.db, this.tenantId);
      if (!this.working && !this.closed && head > this.seq) this.fill(head);
    } catch (err) {
      this.opts.log.warn({ err, tenantId: this.tenantId }, 'event stream: head check failed');
    } finally {
      this.checkingHead = false;
    }
    if (this.recheckHead && !this.working) void this.checkHead();
  }

  private shut(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.timer);
    this.unsubscribe?.();
    this.onClosed();
  }
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const isConsecutive = (events: TenantEvent[]): boolean => {
  for (let i = 1; i < events.length; i++) if (events[i]!.seq !== events[i - 1]!.seq + 1) return false;
  return true;
};
