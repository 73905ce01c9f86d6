import type { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastSeqOf, MAX_EVENTS_PER_ITEM, MAX_REPLAY_EVENTS, type StreamItem, type TenantEvent } from '../../src/contracts/events.ts';
import { streamEvents } from '../../server/realtime/event-stream.ts';
import type { StreamSink } from '../../server/realtime/feed-subscription.ts';
import { streamHub } from '../../server/realtime/stream-hub.ts';
import { edgeCounters } from '../../server/realtime/ws-edge.ts';
import { Collector, commitEvents, eventsOf } from '../support/events.ts';
import { createWorkspace } from '../support/factories.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** One event or a marker: what a test steps through. */
type Entry = { kind: 'event'; event: TenantEvent } | Exclude<StreamItem, { kind: 'events' }>;
const seqOf = (entry: Entry): number => (entry.kind === 'event' ? entry.event.seq : -1);

describe.each([{ redis: false }, { redis: true }])('events.stream (redis: $redis)', ({ redis }) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ redis });
  });
  afterAll(() => app.stop());

  /**
   * Drives the stream generator directly, so a test controls exactly when each step runs. `next`
   * hands out one event at a time (or a marker) whatever the batching; `nextItem` the raw items.
   */
  const openStream = (tenantId: string, lastSeq: number | null, headCheckMs?: number) => {
    const controller = new AbortController();
    const stream = streamEvents({ db: app.deps.db, bus: app.deps.bus, log: app.deps.log, tenantId, lastSeq, signal: controller.signal, headCheckMs });
    const queued: Entry[] = [];
    const nextItem = async (): Promise<StreamItem> => {
      const result = await stream.next();
      if (result.done) throw new Error('stream ended');
      return result.value;
    };
    return {
      nextItem,
      next: async (): Promise<Entry> => {
        if (queued.length === 0) {
          const item = await nextItem();
          if (item.kind === 'events') queued.push(...item.events.map((event) => ({ kind: 'event' as const, event })));
          else queued.push(item);
        }
        return queued.shift()!;
      },
      close: async () => {
        controller.abort();
        await stream.return(undefined);
      },
    };
  };

  /** A recording sink on the node's feed, as the WebSocket edge subscribes one; `backedUp` is the test's to set. */
  const openSink = async (tenantId: string, lastSeq: number | null) => {
    const items = new Collector<StreamItem>();
    let drained: (() => void) | null = null;
    const sink: StreamSink & { backedUp: boolean } = {
      backedUp: false,
      send: (item) => items.push(item),
      whenDrained: (resume) => void (drained = resume),
    };
    const subscription = await streamHub({ db: app.deps.db, bus: app.deps.bus, log: app.deps.log }).subscribe(tenantId, lastSeq, sink);
    const seqs = () => items.items.flatMap(eventsOf).map((e) => e.seq);
    return {
      items,
      sink,
      seqs,
      until: (seq: number) => items.until(() => seqs().includes(seq)),
      drain: () => {
        sink.backedUp = false;
        drained!();
      },
      close: () => subscription.close(),
    };
  };

  it('hands a live batch to every caught-up subscriber as one shared item, and fills a gap from the log first', async () => {
    const { tenantId } = await createWorkspace(app.url); // seq 1
    await commitEvents(app.deps, tenantId, 2); // seq 2-3
    const replayed = await openSink(tenantId, 0);
    await replayed.until(3);
    const fresh = await openSink(tenantId, null);
    expect(fresh.items.items).toEqual([{ kind: 'ready', headSeq: 3 }]);
    await commitEvents(app.deps, tenantId, 2); // seq 4-5: live
    await Promise.all([replayed.until(5), fresh.until(5)]);
    // The very same item (and so the same events array): the edge serialises it once for both.
    expect(fresh.items.items.at(-1)).toBe(replayed.items.items.at(-1));
    expect(eventsOf(fresh.items.items.at(-1)!).map((e) => e.seq)).toEqual([4, 5]);
    await commitEvents(app.deps, tenantId, 1, { publish: false }); // seq 6: its publish is lost
    await commitEvents(app.deps, tenantId, 1); // seq 7: not next, so the feed reads 6 first
    await Promise.all([replayed.until(7), fresh.until(7)]);
    expect(replayed.seqs()).toEqual(range(1, 7));
    expect(fresh.seqs()).toEqual(range(4, 7));
    replayed.close();
    fresh.close();
  });

  it('takes a subscriber that stops draining off the live feed, and catches it up from the log once it drains', async () => {
    const { tenantId } = await createWorkspace(app.url); // seq 1
    const slow = await openSink(tenantId, null);
    const steady = await openSink(tenantId, null);
    slow.sink.backedUp = true;
    await commitEvents(app.deps, tenantId, 3); // seq 2-4
    await steady.until(4);
    await commitEvents(app.deps, tenantId, 2); // seq 5-6
    await steady.until(6);
    // Nothing was queued for it while it could not take more.
    expect(slow.seqs()).toEqual([]);
    slow.drain();
    await slow.until(6);
    expect(slow.seqs()).toEqual(range(2, 6));
    // Caught up, it is live again: the next batch is the same item the other subscriber gets.
    await commitEvents(app.deps, tenantId, 1); // seq 7
    await Promise.all([slow.until(7), steady.until(7)]);
    expect(slow.items.items.at(-1)).toBe(steady.items.items.at(-1));
    expect(slow.seqs()).toEqual(range(2, 7));
    slow.close();
    steady.close();
  });

  it('keeps the event loop running while a subscriber stays backed up (a closing socket) with a catch-up to do', async () => {
    const { tenantId } = await createWorkspace(app.url); // seq 1
    await commitEvents(app.deps, tenantId, 3, { publish: false }); // seq 2-4
    let waits = 0;
    // Always backed up and "drained" at once, as a socket that is closing reports itself. A loop
    // of microtasks would never let the check below run: past 1,000 waits the sink breaks it.
    const sink: StreamSink = {
      backedUp: true,
      send: () => {},
      whenDrained: (resume) => {
        if (++waits > 1000) throw new Error('the catch-up is spinning without yielding to the event loop');
        resume();
      },
    };
    const subscription = await streamHub({ db: app.deps.db, bus: app.deps.bus, log: app.deps.log }).subscribe(tenantId, 0, sink);
    // The next turn comes while the catch-up waits: each wait resumes on a later turn.
    const waitsByNextTurn = await new Promise<number>((resolve) => setImmediate(() => resolve(waits)));
    expect(waitsByNextTurn).toBeGreaterThan(0);
    expect(waitsByNextTurn).toBeLessThan(10);
    subscription.close();
  });

  it('resumes a subscriber that is ahead of the feed without sending anything twice', async () => {
    const { tenantId } = await createWorkspace(app.url); // seq 1
    const first = await openSink(tenantId, null);
    // Seq 2-4 are committed but this node has not heard of them yet (their publish is lost).
    await commitEvents(app.deps, tenantId, 3, { publish: false });
    // A client that saw them through another node resumes here from 4.
    const ahead = await openSink(tenantId, 4);
    await commitEvents(app.deps, tenantId, 1); // seq 5: the feed fills 2-4 from the log, then 5
    await Promise.all([first.until(5), ahead.until(5)]);
    expect(first.seqs()).toEqual(range(2, 5));
    expect(ahead.seqs()).toEqual([5]);
    first.close();
    ahead.close();
  });

  it('replays a range as one item, and sends a live backlog as one item once the consumer reads again', async () => {
    const { tenantId } = await createWorkspace(app.url); // seq 1
    await commitEvents(app.deps, tenantId, 4); // seq 2-5
    const stream = openStream(tenantId, 0);
    const replay = await stream.nextItem();
    expect(eventsOf(replay).map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(lastSeqOf(replay)).toBe(5);
    const pending = stream.nextItem();
    await commitEvents(app.deps, tenantId, 1); // seq 6: wakes the consumer
    expect(eventsOf(await pending).map((e) => e.seq)).toEqual([6]);
    // The consumer is not reading while three transactions publish: it gets them together. A bus
    // listener added after the stream's hears each message after the stream has it.
    const heard = new Collector<number>();
    const stopListening = await app.deps.bus.subscribe(tenantId, (events) => events.forEach((e) => heard.push(e.seq)));
    for (let i = 0; i < 3; i++) await commitEvents(app.deps, tenantId, 2); // seq 7-12
    await heard.until((seqs) => seqs.includes(12));
    stopListening();
    const backlog = await stream.nextItem();
    expect(eventsOf(backlog).map((e) => e.seq)).toEqual(range(7, 12));
    expect(lastSeqOf(backlog)).toBe(12);
    await stream.close();
  });

  it(`replays in items of at most ${MAX_EVENTS_PER_ITEM} events`, async () => {
    const { tenantId } = await createWorkspace(app.url);
    await commitEvents(app.deps, tenantId, MAX_EVENTS_PER_ITEM + 10, { publish: false });
    const stream = openStream(tenantId, 0);
    const sizes = [eventsOf(await stream.nextItem()).length, eventsOf(await stream.nextItem()).length];
    expect(sizes).toEqual([MAX_EVENTS_PER_ITEM, 11]);
    await stream.close();
  });

  it('does not lose events committed while the replay is running', async () => {
    const { tenantId } = await createWorkspace(app.url); // seq 1: the founder joined
    await commitEvents(app.deps, tenantId, 2); // seq 2-3
    const stream = openStream(tenantId, 0);
    // The first item means the stream is listening and has read its replay page (seq 1-3).
    expect(seqOf(await stream.next())).toBe(1);
    await commitEvents(app.deps, tenantId, 2); // seq 4-5, after the replay query
    const rest = [await stream.next(), await stream.next(), await stream.next(), await stream.next()];
    expect(rest.map(seqOf)).toEqual([2, 3, 4, 5]);
    await stream.close();
  });

  it('fills a gap from the log when a later event is published first', async () => {
    const { tenantId } = await createWorkspace(app.url);
    const stream = openStream(tenantId, null);
    expect(await stream.next()).toEqual({ kind: 'ready', headSeq: 1 });
    const pending = stream.next();
    await commitEvents(app.deps, tenantId, 1, { publish: false }); // seq 2: its publish is lost
    await commitEvents(app.deps, tenantId, 1); // seq 3
    expect(seqOf(await pending)).toBe(2);
    expect(seqOf(await stream.next())).toBe(3);
    await stream.close();
  });

  it('notices an event whose publish was lost even when nothing else happens in the tenant', async () => {
    const { tenantId } = await createWorkspace(app.url);
    const stream = openStream(tenantId, null, 50);
    expect(await stream.next()).toEqual({ kind: 'ready', headSeq: 1 });
    const pending = stream.next();
    await commitEvents(app.deps, tenantId, 1, { publish: false });
    expect(seqOf(await pending)).toBe(2);
    await stream.close();
  });

  it('starts a fresh client at the head, without replaying history, and says where the head is', async () => {
    const { tenantId } = await createWorkspace(app.url);
    await commitEvents(app.deps, tenantId, 5);
    const stream = openStream(tenantId, null);
    expect(await stream.next()).toEqual({ kind: 'ready', headSeq: 6 });
    const pending = stream.next();
    const [latest] = await commitEvents(app.deps, tenantId, 1);
    expect(seqOf(await pending)).toBe(latest!.seq);
    await stream.close();
  });

  it(`tells a client more than ${MAX_REPLAY_EVENTS} events behind to resync, then continues live`, async () => {
    const { tenantId } = await createWorkspace(app.url);
    await commitEvents(app.deps, tenantId, MAX_REPLAY_EVENTS + 1, { publish: false });
    const head = 1 + MAX_REPLAY_EVENTS + 1;
    const stream = openStream(tenantId, 1 - 1);
    expect(await stream.next()).toEqual({ kind: 'resync', headSeq: head });
    const pending = stream.next();
    await commitEvents(app.deps, tenantId, 1);
    expect(seqOf(await pending)).toBe(head + 1);
    await stream.close();
  });

  it('reads from the log instead of buffering when a slow consumer falls too far behind live', async () => {
    const { tenantId } = await createWorkspace(app.url);
    const stream = openStream(tenantId, null);
    expect(await stream.next()).toEqual({ kind: 'ready', headSeq: 1 });
    const pending = stream.next();
    // More than the buffer holds, published while the consumer is not reading.
    await commitEvents(app.deps, tenantId, MAX_REPLAY_EVENTS + 5);
    const seqs = [seqOf(await pending)];
    while (seqs.at(-1)! < MAX_REPLAY_EVENTS + 6) seqs.push(seqOf(await stream.next()));
    expect(seqs).toEqual(range(2, MAX_REPLAY_EVENTS + 6));
    await stream.close();
  });

  it('resyncs a client whose last id is ahead of the log (a restored database)', async () => {
    const { tenantId } = await createWorkspace(app.url);
    const stream = openStream(tenantId, 999);
    expect(await stream.next()).toEqual({ kind: 'resync', headSeq: 1 });
    await stream.close();
  });

  it('resumes a fresh client from the head it was told, even when it drops before any event', async () => {
    const { admin, tenantId } = await createWorkspace(app.url);
    const { client, wsClient } = admin.live({ retryDelayMs: 5 });
    const items = new Collector<StreamItem>();
    const subscription = client.events.stream.subscribe(undefined, { onData: ({ data }) => items.push(data) });
    await items.until((s) => s.length === 1);
    expect(items.items[0]).toEqual({ kind: 'ready', headSeq: 1 });
    // Drop and keep the client away (its reconnects are refused) while an event commits:
    // the resume must replay it from the head it was told, not start over at the new head.
    const cookie = admin.cookie;
    admin.cookie = 'sb_session=expired';
    const refused = new Promise<void>((done) => {
      const sub = wsClient.connectionState.subscribe({ next: (state) => state.error && (sub.unsubscribe(), done()) });
    });
    (wsClient.connection?.ws as unknown as WebSocket | undefined)?.terminate();
    await refused;
    await commitEvents(app.deps, tenantId, 1, { publish: false });
    admin.cookie = cookie;
    await items.until((s) => s.some((i) => i.kind === 'events'));
    expect(items.items.flatMap(eventsOf).map((e) => e.seq)).toEqual([2]);
    subscription.unsubscribe();
  });

  it.each([
    { path: "served by the edge", viaAdapter: false },
    { path: "through tRPC's adapter", viaAdapter: true },
  ])('delivers every event exactly once, in order, to a subscriber that keeps dropping and resuming ($path)', async ({ viaAdapter }) => {
    const { admin, tenantId } = await createWorkspace(app.url);
    const { client, wsClient } = admin.live({ retryDelayMs: 5, connectionParams: viaAdapter });
    const seen = new Collector<number>();
    const errors: unknown[] = [];
    const edgeBefore = edgeCounters.subscriptions;
    const subscription = client.events.stream.subscribe(
      { lastEventId: '0' },
      { onData: (item) => eventsOf(item.data).forEach((e) => seen.push(e.seq)), onError: (err) => errors.push(err) },
    );
    await seen.until((s) => s.length >= 1);

    const writers = 6;
    const perWriter = 40;
    const writing = Promise.all(
      range(1, writers).map(async (w) => {
        for (let i = 0; i < perWriter; i++) await commitEvents(app.deps, tenantId, 1 + (i % 3), { label: `w${w}` });
      }),
    );
    // Drop the connection abruptly, over and over, while the writers run; wsLink resumes with lastEventId.
    let drops = 0;
    let writersDone = false;
    void writing.then(() => (writersDone = true));
    while (!writersDone) {
      const before = seen.items.length;
      await seen.until((s) => s.length > before + 5 || writersDone);
      (wsClient.connection?.ws as unknown as WebSocket | undefined)?.terminate();
      drops++;
    }
    await writing;
    const head = Number((await app.deps.db.eventCounter.findUniqueOrThrow({ where: { tenantId } })).lastSeq);
    await seen.until((s) => s.at(-1) === head);
    subscription.unsubscribe();

    expect(errors).toEqual([]);
    expect(drops).toBeGreaterThan(3);
    expect(seen.items).toEqual(range(1, head));
    // Each path was the one taken (other tests in this file do not run meanwhile).
    if (viaAdapter) expect(edgeCounters.subscriptions).toBe(edgeBefore);
    else expect(edgeCounters.subscriptions).toBeGreaterThan(edgeBefore + 3);
  });
});
