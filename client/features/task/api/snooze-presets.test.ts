import { describe, expect, it } from 'vitest';
import { snoozePresets } from './snooze-presets.ts';

const ids = (now: Date) => snoozePresets(now).map((p) => p.id);

describe('snoozePresets', () => {
  it('offers later today only while three hours from now is still today', () => {
    expect(ids(new Date(2026, 10, 18, 10, 0))).toEqual(['later', 'tomorrow', 'next-week', 'week']);
    expect(ids(new Date(2026, 10, 18, 22, 0))).toEqual(['tomorrow', 'next-week', 'week']);
  });

  it('puts tomorrow, next Monday and next week at 9:00 local time', () => {
    // Wednesday 18 November 2026.
    const [, tomorrow, monday, week] = snoozePresets(new Date(2026, 10, 18, 10, 0));
    expect(tomorrow!.until).toEqual(new Date(2026, 10, 19, 9, 0));
    expect(monday!.until).toEqual(new Date(2026, 10, 23, 9, 0));
    expect(week!.until).toEqual(new Date(2026, 10, 25, 9, 0));
  });

  it('does not offer next week on a Sunday, when it is tomorrow', () => {
    expect(ids(new Date(2026, 10, 22, 10, 0))).toEqual(['later', 'tomorrow', 'week']);
  });

  it('snoozes a Monday to the following Monday', () => {
    const monday = snoozePresets(new Date(2026, 10, 23, 8, 0)).find((p) => p.id === 'next-week');
    expect(monday?.until).toEqual(new Date(2026, 10, 30, 9, 0));
  });
});
