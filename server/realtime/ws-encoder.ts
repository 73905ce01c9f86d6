import { randomUUID } from 'node:crypto';
import { prepareTextFrame } from './prepared-frame.ts';

/**
 * tRPC's WebSocket encoder, JSON like the default one, with one difference that decides fan-out
 * cost: events are serialised once per node, not once per subscriber. Every subscription of a
 * tenant on this node yields the same event objects (the bus parses a message once and hands the
 * same objects to every local listener; replays of one range share one read), so their JSON is
 * cached by object identity and spliced into each subscriber's envelope (its subscription id and
 * tracked id differ per client). The bytes on the wire are exactly what JSON.stringify would
 * produce.
 */
const serialised = new WeakMap<object, string>();

// Unguessable, so no client-chosen value in the envelope (a subscription id) can stand in for it.
const HOLE = `\u0000switchboard-events-${randomUUID()}\u0000`;
const HOLE_JSON = JSON.stringify(HOLE);

const eventJson = (event: object): string => {
  let json = serialised.get(event);
  if (json === undefined) {
    json = JSON.stringify(event);
    serialised.set(event, json);
  }
  return json;
};

// The same array (a bus message, a shared page) is joined once; a subscriber's own batch reuses
// its events' JSON. Null: not plain event objects, so JSON.stringify handles it as usual.
const eventsJson = (events: unknown[]): string | null => {
  let json = serialised.get(events);
  if (json === undefined) {
    if (!events.every((e) => typeof e === 'object' && e !== null && !('toJSON' in e))) return null;
    json = `[${(events as object[]).map(eventJson).join(',')}]`;
    serialised.set(events, json);
  }
  return json;
};

/** Where a stream's frames go: its tRPC subscription id (and JSON-RPC version, when the client sent one). */
export type SubscriptionTarget = { id: string | number; jsonrpc?: '2.0' };

/** Names a target's frames in the cache; kept on long-lived targets, so a delivery builds no string. */
const keys = new WeakMap<SubscriptionTarget, string>();
const keyOf = (target: SubscriptionTarget): string => {
  let key = keys.get(target);
  if (key === undefined) keys.set(target, (key = `${typeof target.id}:${target.id}:${target.jsonrpc ?? ''}`));
  return key;
};

/**
 * The frame tRPC's WebSocket adapter would send for a tracked `{ kind: 'events', events }` item
 * of this subscription, byte for byte (same keys, same order), without going through the
 * adapter's per-item machinery: the live fast path of `events.stream`.
 */
export const encodeEventsFrame = (target: SubscriptionTarget, events: Array<{ seq: number }>): string =>
  trackedFrame(target, events[events.length - 1]!.seq, `{"kind":"events","events":${eventsJson(events) ?? JSON.stringify(events)}}`);

/** A subscription's message as the adapter frames it: its id, its JSON-RPC version when the client sent one, and `result` (JSON). */
export const subscriptionFrame = (target: SubscriptionTarget, resultJson: string): string =>
  `{"id":${JSON.stringify(target.id)},${target.jsonrpc === undefined ? '' : `"jsonrpc":${JSON.stringify(target.jsonrpc)},`}"result":${resultJson}}`;

/** A tracked item (`itemJson`) with the id `seq`, as the adapter frames `yield tracked(String(seq), item)`. */
export const trackedFrame = (target: SubscriptionTarget, seq: number, itemJson: string): string => {
  const id = JSON.stringify(String(seq));
  return subscriptionFrame(target, `{"type":"data","data":{"id":${id},"data":${itemJson}},"id":${id}}`);
};

/**
 * The same frame as UTF-8 bytes, built once per batch and subscription id: a client's
 * subscription ids are small counters, so most subscribers of a node share a handful of them
 * (in practice one), and each of those frames is then encoded once, not once per socket. Framed
 * once too (`prepareTextFrame`): every socket gets the same bytes in one write.
 */
const frameBuffers = new WeakMap<object, Map<string, Buffer<ArrayBuffer>>>();

export const eventsFrameBuffer = (target: SubscriptionTarget, events: Array<{ seq: number }>): Buffer<ArrayBuffer> => {
  let byTarget = frameBuffers.get(events);
  if (!byTarget) frameBuffers.set(events, (byTarget = new Map()));
  const key = keyOf(target);
  let frame = byTarget.get(key);
  if (!frame) {
    frame = prepareTextFrame(encodeEventsFrame(target, events));
    byTarget.set(key, frame);
  }
  return frame;
};

export const encodeMessage = (data: unknown): string => {
  let shared: string | null = null;
  const json = JSON.stringify(data, function (this: unknown, key: string, value: unknown) {
    // Only a stream item's events ({ kind: 'events', events }) are shared between subscribers.
    if (key === 'events' && shared === null && Array.isArray(value) && (this as { kind?: unknown }).kind === 'events') {
      shared = eventsJson(value);
      if (shared !== null) return HOLE;
    }
    return value;
  });
  if (shared === null) return json;
  const at = json.indexOf(HOLE_JSON);
  return json.slice(0, at) + shared + json.slice(at + HOLE_JSON.length);
};

export const sharedEventEncoder = {
  encode: encodeMessage,
  decode: (data: string | ArrayBuffer | Uint8Array): unknown => {
    // Text frames only, as tRPC's default JSON encoder.
    if (typeof data !== 'string') throw new Error('expected a text frame');
    return JSON.parse(data);
  },
};
