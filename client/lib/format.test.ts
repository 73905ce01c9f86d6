import { describe, expect, it } from 'vitest';
import { displayName, formatDayLabel, formatDuration, formatShortTime } from './format.ts';

const NOW = new Date(2026, 4, 20, 15, 0).getTime();
const ago = (ms: number) => new Date(NOW - ms).toISOString();

describe('formatDuration', () => {
  it.each([
    [30_000, 'less than a minute'],
    [12 * 60_000, '12 min'],
    [3 * 3_600_000, '3 h'],
    [5 * 3_600_000 + 12 * 60_000 + 59_000, '5 h 12 min'],
  ])('%i ms is "%s"', (ms, text) => expect(formatDuration(ms)).toBe(text));
});

describe('formatShortTime', () => {
  it.each([
    [20_000, 'now'],
    [5 * 60_000, '5m'],
    [3 * 3_600_000, '3h'],
    [2 * 86_400_000, 'Mon'],
    [30 * 86_400_000, 'Apr 20'],
    [400 * 86_400_000, 'Apr 15, 2025'],
  ])('%i ms ago is "%s"', (ms, text) => expect(formatShortTime(ago(ms), NOW)).toBe(text));
});

describe('formatDayLabel and displayName', () => {
  it('names recent days and dates older ones', () => {
    expect(formatDayLabel(ago(60_000), NOW)).toBe('Today');
    expect(formatDayLabel(ago(20 * 3_600_000), NOW)).toBe('Yesterday');
    expect(formatDayLabel(new Date(2025, 11, 24, 10).toISOString(), NOW)).toBe('Wednesday, December 24, 2025');
  });

  it('falls back to the number when WhatsApp sent no name', () => {
    expect(displayName({ name: '  ', phone: '+14155550100' })).toBe('+14155550100');
    expect(displayName({ name: 'Ana', phone: '+14155550100' })).toBe('Ana');
  });
});
