import { DateTime } from 'luxon';
import type { RangeInput } from '../../../src/contracts/dashboard.ts';

export type ResolvedRange = { from: Date; to: Date; bucket: 'hour' | 'day'; timeZone: string };

const PRESET_HOURS = { '24h': 24, '7d': 24 * 7, '30d': 24 * 30, '90d': 24 * 90 } as const;

/**
 * A preset ends now; a custom range is taken as given. Up to two days are charted by hour, longer
 * ranges by the viewer's calendar day.
 */
export const resolveRange = (range: RangeInput, timeZone: string, now: number): ResolvedRange => {
  const to = range.preset === 'custom' ? new Date(range.to!) : new Date(now);
  const from = range.preset === 'custom' ? new Date(range.from!) : new Date(now - PRESET_HOURS[range.preset] * 3_600_000);
  return { from, to, bucket: to.getTime() - from.getTime() <= 2 * 86_400_000 ? 'hour' : 'day', timeZone };
};

/**
 * Every bucket of the range (label and start instant), so quiet hours and days chart as zeros
 * instead of gaps. Starts are computed here with the zone's rules (DST days are 23 or 25 hours),
 * so SQL only has to place each row between two instants (width_bucket), never convert zones.
 */
export const buckets = ({ from, to, bucket, timeZone }: ResolvedRange): Array<{ label: string; start: Date }> => {
  const out: Array<{ label: string; start: Date }> = [];
  let cursor = DateTime.fromJSDate(from).setZone(timeZone).startOf(bucket);
  const end = DateTime.fromJSDate(to).setZone(timeZone);
  while (cursor < end && out.length < 10_000) {
    out.push({ label: cursor.toFormat(bucket === 'hour' ? "yyyy-LL-dd'T'HH:00" : 'yyyy-LL-dd'), start: cursor.toJSDate() });
    cursor = cursor.plus(bucket === 'hour' ? { hours: 1 } : { days: 1 });
  }
  return out;
};
