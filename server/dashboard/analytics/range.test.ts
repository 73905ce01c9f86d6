import { describe, expect, it } from 'vitest';
import { buckets, resolveRange } from './range.ts';

const NOW = Date.UTC(2026, 10, 23, 12, 0, 0);

describe('analytics ranges', () => {
  it.each([
    ['24h', 24, 'hour'],
    ['7d', 24 * 7, 'day'],
    ['30d', 24 * 30, 'day'],
    ['90d', 24 * 90, 'day'],
  ] as const)('%s ends now and spans %i hours, charted by %s', (preset, hours, bucket) => {
    const r = resolveRange({ preset }, 'UTC', NOW);
    expect(r.to.getTime()).toBe(NOW);
    expect(r.to.getTime() - r.from.getTime()).toBe(hours * 3_600_000);
    expect(r.bucket).toBe(bucket);
  });

  it('takes a custom range as given', () => {
    const r = resolveRange({ preset: 'custom', from: '2026-03-01T00:00:00Z', to: '2026-03-02T00:00:00Z' }, 'UTC', NOW);
    expect([r.from.toISOString(), r.to.toISOString(), r.bucket]).toEqual(['2026-03-01T00:00:00.000Z', '2026-03-02T00:00:00.000Z', 'hour']);
  });

  it('starts each day at the viewer’s midnight, across a DST change (a 25-hour day)', () => {
    const r = resolveRange({ preset: 'custom', from: '2026-10-23T22:00:00Z', to: '2026-10-27T23:00:00Z' }, 'Europe/Berlin', NOW);
    const b = buckets(r);
    expect(b.map((x) => x.label)).toEqual(['2026-10-24', '2026-10-25', '2026-10-26', '2026-10-27']);
    // Midnight in Berlin: 22:00 UTC in summer time, 23:00 UTC after the clocks go back on the 25th.
    expect(b.map((x) => x.start.toISOString())).toEqual(['2026-10-23T22:00:00.000Z', '2026-10-24T22:00:00.000Z', '2026-10-25T23:00:00.000Z', '2026-10-26T23:00:00.000Z']);
  });

  it('labels hours in the viewer’s zone', () => {
    const r = resolveRange({ preset: 'custom', from: '2026-01-05T08:00:00Z', to: '2026-01-05T11:00:00Z' }, 'Asia/Tokyo', NOW);
    expect(buckets(r).map((x) => x.label)).toEqual(['2026-01-05T17:00', '2026-01-05T18:00', '2026-01-05T19:00']);
  });
});
