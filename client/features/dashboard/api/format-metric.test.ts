import { describe, expect, it } from 'vitest';
import { formatDuration, formatHours, formatPercent, formatWait } from './format-metric.ts';

describe('dashboard number formats', () => {
  it.each([
    [null, '—'],
    [0, '0 s'],
    [8_400, '8 s'],
    [192_000, '3 min 12 s'],
    [3_900_000, '1 h 05 min'],
    [3 * 86_400_000 + 3 * 3_600_000, '3 d 3 h'],
  ])('formatDuration(%s) = %s', (ms, text) => expect(formatDuration(ms)).toBe(text));

  it.each([
    [0, '0:00'],
    [42_000, '0:42'],
    [725_000, '12:05'],
    [11_049_000, '3:04:09'],
  ])('formatWait(%s) = %s', (ms, text) => expect(formatWait(ms)).toBe(text));

  it.each([
    [null, '—'],
    [0, '0 %'],
    [0.034, '3.4 %'],
    [0.5, '50 %'],
  ])('formatPercent(%s) = %s', (rate, text) => expect(formatPercent(rate)).toBe(text));

  it.each([
    [0, '0 min'],
    [25 * 60_000, '25 min'],
    [5_400_000, '2 h'],
    [3_600_000 * 12_345, '12,345 h'],
  ])('formatHours(%s) = %s', (ms, text) => expect(formatHours(ms)).toBe(text));
});
