import { MAX_EVENTS_PER_ITEM, MAX_REPLAY_EVENTS, type StreamItem, type TenantEvent } from '../../src/contracts/events.ts';
import type { Db } from '../db/client.ts';
import type { Logger } from '../logger.ts';
import type { WebSocket } from 'ws';
import type { Bus } from './bus.ts';
import { socketBackedUp, whenSocketDrained } from './socket-backpressure.ts';
import type { StreamSink } from './feed-subscription.ts';
import { streamHub } from './stream-hub.ts';

export type StreamOptions = {
  db: Db;
  bus: Bus;
  log: Logger;
  tenantId: string;
  /** The last seq the client has applied; null for a fresh client that starts at the head. */
  lastSeq: number | null;
  signal: AbortSignal;
  /** How long a quiet feed waits before comparing with the log's head (when this stream creates the tenant's feed). */
  headCheckMs?: number;
  /** The socket the items are written to, if any: its backlog counts as the consumer's. */
  socket?: WebSocket | null;
};

/**
 * A tenant's events after `lastSeq` as an async iterator, exactly once and in order (the node's
 * tenant feed guarantees that; see tenant-feed.ts): `events.stream` through tRPC's own adapter,
 * which the WebSocket edge falls back to for anything it does not serve itself.
 *
 * Items queue while the consumer is busy and go out merged: a replayed page is one item, and
 * whatever arrived live meanwhile is the next one (up to MAX_EVENTS_PER_ITEM events), so a
 * consumer that falls behind gets fewer, larger items. A consumer more than MAX_REPLAY_EVENTS
 * behind, or whose socket holds more than its backlog unsent (tRPC's adapter takes every item at
 * once and writes it), leaves the live feed and reads from the log once both have drained.
 */
export async function* streamEvents({ db, bus, log, tenantId, lastSeq, signal, headCheckMs, socket }: StreamOptions): AsyncGenerator<StreamItem> {
  const queue: StreamItem[] = [];
  let queuedEvents = 0;
  let wake: (() => void) | null = null;
  let onDrained: (() => void) | null = null;
  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  const sink: StreamSink = {
    send: (item) => {
      queue.push(item);
      if (item.kind === 'events') queuedEvents += item.events.length;
      notify();
    },
    get backedUp() {
      return queuedEvents > MAX_REPLAY_EVENTS || (socket ? socketBackedUp(socket) : false);
    },
    whenDrained: (resume) => {
      const afterQueue = () => (socket && socketBackedUp(socket) ? whenSocketDrained(socket, resume) : resume());
      if (queue.length === 0) afterQueue();
      else onDrained = afterQueue;
    },
  };
  signal.addEventListener('abort', notify, { once: true });
  const subscription = await streamHub({ db, bus, log }).subscribe(tenantId, lastSeq, sink, headCheckMs);
  try {
    while (!signal.aborted) {
      if (queue.length === 0) {
        const drained = onDrained as (() => void) | null;
        onDrained = null;
        drained?.();
        if (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      const item = takeItem(queue);
      if (item.kind === 'events') queuedEvents -= item.events.length;
      yield item;
    }
  } finally {
    signal.removeEventListener('abort', notify);
    subscription.close();
  }
}

/** The next item: a marker as it is, or consecutive events items merged up to MAX_EVENTS_PER_ITEM (one alone stays the same array). */
const takeItem = (queue: StreamItem[]): StreamItem => {
  const first = queue.shift()!;
  if (first.kind !== 'events') return first;
  const more: TenantEvent[] = [];
  for (let next = queue[0]; next?.kind === 'events' && first.events.length + more.length + next.events.length <= MAX_EVENTS_PER_ITEM; next = queue[0]) {
    queue.shift();
    more.push(...next.events);
  }
  return more.length === 0 ? first : { kind: 'events', events: [...first.events, ...more] };
};
