import { describe, expect, it } from 'vitest';
import { inboundMessageTime, LIVE_DELIVERY_TOLERANCE_MS } from './inbound-time.ts';

const received = new Date('2026-03-01T10:00:05.750Z');
const secondsBefore = (s: number) => new Date(received.getTime() - s * 1000);

describe('inboundMessageTime', () => {
  it('takes the receive time for a message stamped this second, keeping a burst in arrival order', () => {
    expect(inboundMessageTime(new Date('2026-03-01T10:00:05Z'), received)).toBe(received);
  });

  it('still takes the receive time when a busy provider or server delayed delivery by seconds', () => {
    // Two messages stamped in the same second: the first handled at once, the second two seconds
    // later. The second must not sort before the first.
    const stamp = new Date('2026-03-01T10:00:05Z');
    const first = inboundMessageTime(stamp, received);
    const second = inboundMessageTime(stamp, new Date(received.getTime() + 2_000));
    expect(second.getTime()).toBeGreaterThan(first.getTime());
    expect(inboundMessageTime(secondsBefore(LIVE_DELIVERY_TOLERANCE_MS / 1000), received)).toBe(received);
  });

  it("keeps the provider's time for a delivery older than the tolerance", () => {
    const stamp = secondsBefore(LIVE_DELIVERY_TOLERANCE_MS / 1000 + 1);
    expect(inboundMessageTime(stamp, received)).toBe(stamp);
    const hourLate = secondsBefore(3600);
    expect(inboundMessageTime(hourLate, received)).toBe(hourLate);
  });

  it("keeps the provider's time when it is far in our future (a skewed clock is theirs or ours; theirs is the message's)", () => {
    const ahead = new Date(received.getTime() + LIVE_DELIVERY_TOLERANCE_MS + 1);
    expect(inboundMessageTime(ahead, received)).toBe(ahead);
    const slightlyAhead = new Date(received.getTime() + 500);
    expect(inboundMessageTime(slightlyAhead, received)).toBe(received);
  });
});
