import { describe, expect, it } from 'vitest';
import { encodeEventsFrame, encodeMessage, eventsFrameBuffer, sharedEventEncoder } from './ws-encoder.ts';

const event = {
  tenantId: 't1',
  seq: 42,
  type: 'message.created',
  actorId: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  payload: { message: { id: 'm1', body: 'quote " backslash \\ dollar $& $1 nul \u0000 emoji 👍' }, conversation: { id: 'c1' } },
};
const envelope = (subscriptionId: number | string, item: unknown) => ({ id: subscriptionId, jsonrpc: '2.0', result: { type: 'data', id: '42', data: { id: '42', data: item } } });

describe('encodeMessage', () => {
  it('produces exactly the bytes JSON.stringify does, for events and every other message', () => {
    const messages = [
      envelope(1, { kind: 'events', events: [event] }),
      envelope(6, { kind: 'events', events: [event, { ...event, seq: 43 }] }),
      envelope(7, { kind: 'events', events: [] }),
      // Not plain events (a toJSON): serialised as JSON.stringify would, not from the cache.
      envelope(8, { kind: 'events', events: [{ toJSON: () => 'custom' }] }),
      envelope('sub-7', { kind: 'ready', headSeq: 3 }),
      envelope(2, { kind: 'resync', headSeq: 9 }),
      { id: 3, result: { type: 'stopped' } },
      { id: 4, error: { message: 'nope', code: -32600, data: { code: 'BAD_REQUEST' } } },
      // Not a stream item: a field named "events" elsewhere is left alone.
      envelope(5, { kind: 'other', events: [{ a: 1 }] }),
    ];
    for (const m of messages) expect(encodeMessage(m)).toBe(JSON.stringify(m));
  });

  it('serialises one event object once however many subscribers and batches it is sent in', () => {
    let serialisations = 0;
    // A getter runs every time the object is serialised.
    const counted = Object.defineProperty({ ...event }, 'payload', { enumerable: true, get: () => (serialisations++, event.payload) });
    const shared = [counted];
    const frames = Array.from({ length: 1000 }, (_, i) => encodeMessage(envelope(i, { kind: 'events', events: i % 2 ? shared : [counted] })));
    expect(serialisations).toBe(1);
    expect(frames.map((f) => JSON.parse(f) as unknown)).toEqual(Array.from({ length: 1000 }, (_, i) => JSON.parse(JSON.stringify(envelope(i, { kind: 'events', events: [event] })))));
  });

  it('joins one shared batch once', () => {
    const batch = [event, { ...event, seq: 43 }];
    const first = encodeMessage(envelope(1, { kind: 'events', events: batch }));
    // Changing the array after it was sent does not change what it encodes to: batches are immutable.
    batch.push({ ...event, seq: 44 });
    expect(encodeMessage(envelope(1, { kind: 'events', events: batch }))).toBe(first);
  });

  it('writes a direct frame byte for byte as the tRPC adapter frames a tracked item', () => {
    const events = [event, { ...event, seq: 43 }];
    // What the adapter builds for `yield tracked('43', item)`: result { type, data: { id, data }, id }.
    const adapterFrame = (id: number | string, jsonrpc?: '2.0') => {
      const result: Record<string, unknown> = { type: 'data', data: { kind: 'events', events } };
      result.id = '43';
      result.data = { id: '43', data: { kind: 'events', events } };
      return encodeMessage({ id, jsonrpc, result });
    };
    expect(encodeEventsFrame({ id: 7, jsonrpc: '2.0' }, events)).toBe(adapterFrame(7, '2.0'));
    expect(encodeEventsFrame({ id: 'a"b' }, events)).toBe(adapterFrame('a"b'));
  });

  it('builds each direct frame once per batch and subscription id, as the UTF-8 of the same text', () => {
    const events = [event, { ...event, seq: 43 }];
    const one = eventsFrameBuffer({ id: 1 }, events);
    expect(eventsFrameBuffer({ id: 1 }, events)).toBe(one);
    expect(one.toString('utf8')).toBe(encodeEventsFrame({ id: 1 }, events));
    // Another id (or the same digits as a string) is another frame.
    expect(eventsFrameBuffer({ id: '1' }, events).toString('utf8')).toBe(encodeEventsFrame({ id: '1' }, events));
    expect(eventsFrameBuffer({ id: 2, jsonrpc: '2.0' }, events).toString('utf8')).toBe(encodeEventsFrame({ id: 2, jsonrpc: '2.0' }, events));
  });

  it('cannot be confused by a client-chosen subscription id', () => {
    const sneaky = envelope('\u0000switchboard-events-guess\u0000', { kind: 'events', events: [event] });
    expect(encodeMessage(sneaky)).toBe(JSON.stringify(sneaky));
  });

  it('decodes text frames as JSON and refuses binary ones', () => {
    expect(sharedEventEncoder.decode('{"id":1,"method":"subscription.stop"}')).toEqual({ id: 1, method: 'subscription.stop' });
    expect(() => sharedEventEncoder.decode(new Uint8Array([1, 2]))).toThrow();
  });
});
