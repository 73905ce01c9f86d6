import { describe, expect, it } from 'vitest';
import { encodeMessage, sharedEventEncoder } from './ws-encoder.ts';

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
      envelope(1, { kind: 'event', event }),
      envelope('sub-7', { kind: 'ready', headSeq: 3 }),
      envelope(2, { kind: 'resync', headSeq: 9 }),
      { id: 3, result: { type: 'stopped' } },
      { id: 4, error: { message: 'nope', code: -32600, data: { code: 'BAD_REQUEST' } } },
      // Not a stream item: a field named "event" elsewhere is left alone.
      envelope(5, { kind: 'other', event: { a: 1 } }),
    ];
    for (const m of messages) expect(encodeMessage(m)).toBe(JSON.stringify(m));
  });

  it('serialises one event object once however many subscribers it is sent to', () => {
    let serialisations = 0;
    // A getter runs every time the object is serialised.
    const counted = Object.defineProperty({ ...event }, 'payload', { enumerable: true, get: () => (serialisations++, event.payload) });
    const frames = Array.from({ length: 1000 }, (_, i) => encodeMessage(envelope(i, { kind: 'event', event: counted })));
    expect(serialisations).toBe(1);
    expect(frames.map((f) => JSON.parse(f) as unknown)).toEqual(Array.from({ length: 1000 }, (_, i) => JSON.parse(JSON.stringify(envelope(i, { kind: 'event', event })))));
  });

  it('cannot be confused by a client-chosen subscription id', () => {
    const sneaky = envelope('\u0000switchboard-event-guess\u0000', { kind: 'event', event });
    expect(encodeMessage(sneaky)).toBe(JSON.stringify(sneaky));
  });

  it('decodes text frames as JSON and refuses binary ones', () => {
    expect(sharedEventEncoder.decode('{"id":1,"method":"subscription.stop"}')).toEqual({ id: 1, method: 'subscription.stop' });
    expect(() => sharedEventEncoder.decode(new Uint8Array([1, 2]))).toThrow();
  });
});
