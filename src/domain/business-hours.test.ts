import { describe, expect, it } from 'vitest';
import {
  ALWAYS_OPEN,
  DEFAULT_CALENDAR,
  WEEKDAYS,
  ZBusinessCalendar,
  addBusinessMinutes,
  businessMinutesBetween,
  type BusinessCalendar,
  type Weekday,
} from './business-hours.ts';

type Windows = Array<{ start: string; end: string }>;
const at = (iso: string) => new Date(iso);
const hours = (start: string, end: string) => [{ start, end }];
/** Every weekday closed except those given. */
const calendar = (timeZone: string, days: Partial<Record<Weekday, Windows>>, holidays: string[] = []): BusinessCalendar => ({
  timeZone,
  weekly: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [], ...days },
  holidays,
});
const weekdays = (windows: Windows) => ({ mon: windows, tue: windows, wed: windows, thu: windows, fri: windows });
const everyDay = (windows: Windows) => ({ ...weekdays(windows), sat: windows, sun: windows });

// 2026-11-23 is a Monday. DST 2026: Europe 03-29 (02:00→03:00) and 10-25 (03:00→02:00);
// United States 03-08 (02:00→03:00) and 11-01 (02:00→01:00).
const UTC_9_TO_5 = DEFAULT_CALENDAR;
const SPLIT_SHIFT = calendar('UTC', weekdays([{ start: '09:00', end: '12:00' }, { start: '13:00', end: '17:00' }]));
const EVENINGS_AND_NIGHTS = calendar('UTC', everyDay([{ start: '00:00', end: '02:00' }, { start: '18:00', end: '24:00' }]));
const FRIDAY_OFF = calendar('UTC', weekdays(hours('09:00', '17:00')), ['2026-11-27']);
const LONG_WEEKEND = calendar('UTC', weekdays(hours('09:00', '17:00')), ['2026-11-27', '2026-11-30']);
const BERLIN_9_TO_5 = calendar('Europe/Berlin', weekdays(hours('09:00', '17:00')), ['2026-12-24', '2026-12-25']);
const BERLIN_24_7 = { ...ALWAYS_OPEN, timeZone: 'Europe/Berlin' };
const BERLIN_SUNDAY_NIGHT = calendar('Europe/Berlin', { sun: hours('01:00', '04:00') });
const BERLIN_SUNDAY_GAP = calendar('Europe/Berlin', { sun: hours('02:30', '03:30') });
const BERLIN_SUNDAY_IN_GAP = calendar('Europe/Berlin', { sun: hours('02:00', '03:00') });
const BERLIN_SUNDAY_REPEATED = calendar('Europe/Berlin', { sun: hours('02:30', '05:00') });
const NEW_YORK_9_TO_5 = calendar('America/New_York', weekdays(hours('09:00', '17:00')));
const NEW_YORK_24_7 = { ...ALWAYS_OPEN, timeZone: 'America/New_York' };
const NEW_YORK_SUNDAY_NIGHT = calendar('America/New_York', { sun: hours('00:00', '03:00') });
// Chile changes clocks at midnight: 2026-04-05 00:00 → 04-04 23:00, and 2026-09-06 00:00 → 01:00.
const SANTIAGO_24_7 = { ...ALWAYS_OPEN, timeZone: 'America/Santiago' };
const SANTIAGO_SUNDAYS = calendar('America/Santiago', { sun: hours('00:00', '24:00') });
const KOLKATA_9_TO_5 = calendar('Asia/Kolkata', weekdays(hours('09:00', '17:00')));
const KOLKATA_TUESDAY_OFF = calendar('Asia/Kolkata', weekdays(hours('09:00', '17:00')), ['2026-11-24']);

describe('addBusinessMinutes', () => {
  it.each([
    { name: 'within one window', cal: UTC_9_TO_5, from: '2026-11-23T10:00:00Z', minutes: 60, due: '2026-11-23T11:00:00Z' },
    { name: 'ending exactly at closing time stays at closing time', cal: UTC_9_TO_5, from: '2026-11-23T16:00:00Z', minutes: 60, due: '2026-11-23T17:00:00Z' },
    { name: 'past closing carries to the next morning', cal: UTC_9_TO_5, from: '2026-11-23T16:30:00Z', minutes: 60, due: '2026-11-24T09:30:00Z' },
    { name: 'a whole day from opening', cal: UTC_9_TO_5, from: '2026-11-23T09:00:00Z', minutes: 480, due: '2026-11-23T17:00:00Z' },
    { name: 'three days', cal: UTC_9_TO_5, from: '2026-11-23T09:00:00Z', minutes: 3 * 480, due: '2026-11-25T17:00:00Z' },
    { name: 'a whole week', cal: UTC_9_TO_5, from: '2026-11-23T09:00:00Z', minutes: 2400, due: '2026-11-27T17:00:00Z' },
    { name: 'a week and a minute', cal: UTC_9_TO_5, from: '2026-11-23T09:00:00Z', minutes: 2401, due: '2026-11-30T09:01:00Z' },
    { name: 'over the weekend', cal: UTC_9_TO_5, from: '2026-11-20T16:00:00Z', minutes: 120, due: '2026-11-23T10:00:00Z' },
    { name: 'from a Saturday: starts at Monday opening', cal: UTC_9_TO_5, from: '2026-11-21T12:00:00Z', minutes: 30, due: '2026-11-23T09:30:00Z' },
    { name: 'from a Sunday night', cal: UTC_9_TO_5, from: '2026-11-22T23:59:00Z', minutes: 1, due: '2026-11-23T09:01:00Z' },
    { name: 'before opening', cal: UTC_9_TO_5, from: '2026-11-23T07:00:00Z', minutes: 30, due: '2026-11-23T09:30:00Z' },
    { name: 'after closing', cal: UTC_9_TO_5, from: '2026-11-23T18:00:00Z', minutes: 30, due: '2026-11-24T09:30:00Z' },
    { name: 'zero minutes is the start itself, even when closed', cal: UTC_9_TO_5, from: '2026-11-21T12:00:00Z', minutes: 0, due: '2026-11-21T12:00:00Z' },
    { name: 'half a minute', cal: UTC_9_TO_5, from: '2026-11-23T10:00:00Z', minutes: 0.5, due: '2026-11-23T10:00:30Z' },
    { name: 'one second', cal: UTC_9_TO_5, from: '2026-11-23T10:00:00Z', minutes: 1 / 60, due: '2026-11-23T10:00:01Z' },
    { name: 'a tenth of a minute is exactly 6 s', cal: UTC_9_TO_5, from: '2026-11-23T10:00:00Z', minutes: 0.1, due: '2026-11-23T10:00:06Z' },
    { name: 'sub-millisecond rounds up to the next millisecond', cal: UTC_9_TO_5, from: '2026-11-23T10:00:00Z', minutes: 0.00001, due: '2026-11-23T10:00:00.001Z' },
    { name: 'fraction across closing', cal: UTC_9_TO_5, from: '2026-11-23T16:59:45Z', minutes: 0.5, due: '2026-11-24T09:00:15Z' },
    { name: 'holiday Friday then weekend', cal: FRIDAY_OFF, from: '2026-11-26T16:00:00Z', minutes: 120, due: '2026-11-30T10:00:00Z' },
    { name: 'created on the holiday', cal: FRIDAY_OFF, from: '2026-11-27T10:00:00Z', minutes: 30, due: '2026-11-30T09:30:00Z' },
    { name: 'holiday Friday and Monday around a weekend', cal: LONG_WEEKEND, from: '2026-11-26T16:00:00Z', minutes: 120, due: '2026-12-01T10:00:00Z' },
    { name: 'lunch break skipped', cal: SPLIT_SHIFT, from: '2026-11-23T11:30:00Z', minutes: 60, due: '2026-11-23T13:30:00Z' },
    { name: 'up to the lunch break', cal: SPLIT_SHIFT, from: '2026-11-23T11:30:00Z', minutes: 30, due: '2026-11-23T12:00:00Z' },
    { name: 'from inside the lunch break', cal: SPLIT_SHIFT, from: '2026-11-23T12:15:00Z', minutes: 15, due: '2026-11-23T13:15:00Z' },
    { name: 'split day then next morning', cal: SPLIT_SHIFT, from: '2026-11-23T16:00:00Z', minutes: 120, due: '2026-11-24T10:00:00Z' },
    { name: '24:00 runs into the next day’s 00:00 window', cal: EVENINGS_AND_NIGHTS, from: '2026-11-23T23:30:00Z', minutes: 60, due: '2026-11-24T00:30:00Z' },
    { name: 'night window then evening window', cal: EVENINGS_AND_NIGHTS, from: '2026-11-23T01:30:00Z', minutes: 60, due: '2026-11-23T18:30:00Z' },
    { name: '24/7 is plain elapsed time', cal: ALWAYS_OPEN, from: '2026-11-21T12:00:00Z', minutes: 10_000, due: '2026-11-28T10:40:00Z' },
    { name: 'holiday is a local date (Berlin)', cal: BERLIN_9_TO_5, from: '2026-12-23T16:30:00+01:00', minutes: 60, due: '2026-12-28T09:30:00+01:00' },
    { name: 'Berlin office hours over spring forward', cal: BERLIN_9_TO_5, from: '2026-03-27T16:00:00+01:00', minutes: 120, due: '2026-03-30T10:00:00+02:00' },
    { name: 'Berlin office hours over fall back', cal: BERLIN_9_TO_5, from: '2026-10-23T16:00:00+02:00', minutes: 120, due: '2026-10-26T10:00:00+01:00' },
    { name: 'Berlin 24/7 over spring forward: 24 real hours', cal: BERLIN_24_7, from: '2026-03-28T12:00:00+01:00', minutes: 1440, due: '2026-03-29T13:00:00+02:00' },
    { name: 'Berlin 24/7 over fall back: 24 real hours', cal: BERLIN_24_7, from: '2026-10-24T12:00:00+02:00', minutes: 1440, due: '2026-10-25T11:00:00+01:00' },
    { name: 'window across spring forward lasts 2 real hours', cal: BERLIN_SUNDAY_NIGHT, from: '2026-03-28T12:00:00+01:00', minutes: 120, due: '2026-03-29T04:00:00+02:00' },
    { name: 'a minute more waits a week', cal: BERLIN_SUNDAY_NIGHT, from: '2026-03-28T12:00:00+01:00', minutes: 121, due: '2026-04-05T01:01:00+02:00' },
    { name: 'window across fall back lasts 4 real hours', cal: BERLIN_SUNDAY_NIGHT, from: '2026-10-24T12:00:00+02:00', minutes: 240, due: '2026-10-25T04:00:00+01:00' },
    { name: 'opening inside the skipped hour opens at the jump', cal: BERLIN_SUNDAY_GAP, from: '2026-03-28T12:00:00+01:00', minutes: 1, due: '2026-03-29T03:01:00+02:00' },
    { name: 'that window is 30 real minutes', cal: BERLIN_SUNDAY_GAP, from: '2026-03-28T12:00:00+01:00', minutes: 31, due: '2026-04-05T02:31:00+02:00' },
    { name: 'a window wholly in the skipped hour does not open', cal: BERLIN_SUNDAY_IN_GAP, from: '2026-03-28T12:00:00+01:00', minutes: 1, due: '2026-04-05T02:01:00+02:00' },
    { name: 'opening in the repeated hour takes its first occurrence', cal: BERLIN_SUNDAY_REPEATED, from: '2026-10-24T12:00:00+02:00', minutes: 1, due: '2026-10-25T02:31:00+02:00' },
    { name: 'that window is 3.5 real hours', cal: BERLIN_SUNDAY_REPEATED, from: '2026-10-24T12:00:00+02:00', minutes: 210, due: '2026-10-25T05:00:00+01:00' },
    { name: 'New York office hours over spring forward', cal: NEW_YORK_9_TO_5, from: '2026-03-06T16:00:00-05:00', minutes: 120, due: '2026-03-09T10:00:00-04:00' },
    { name: 'New York office hours over fall back', cal: NEW_YORK_9_TO_5, from: '2026-10-30T16:00:00-04:00', minutes: 120, due: '2026-11-02T10:00:00-05:00' },
    { name: 'New York 24/7 over fall back', cal: NEW_YORK_24_7, from: '2026-11-01T00:00:00-04:00', minutes: 1500, due: '2026-11-02T00:00:00-05:00' },
    { name: 'New York 24/7 over spring forward', cal: NEW_YORK_24_7, from: '2026-03-08T00:00:00-05:00', minutes: 1380, due: '2026-03-09T00:00:00-04:00' },
    { name: 'Santiago: a Sunday with no midnight opens at 01:00', cal: SANTIAGO_SUNDAYS, from: '2026-09-05T12:00:00-04:00', minutes: 1, due: '2026-09-06T01:01:00-03:00' },
    { name: 'Santiago 24/7 over the midnight fall back', cal: SANTIAGO_24_7, from: '2026-04-04T00:00:00-03:00', minutes: 1500, due: '2026-04-05T00:00:00-04:00' },
    { name: 'Kolkata (+05:30) to next morning', cal: KOLKATA_9_TO_5, from: '2026-11-23T16:30:00+05:30', minutes: 60, due: '2026-11-24T09:30:00+05:30' },
    { name: 'Kolkata over the weekend', cal: KOLKATA_9_TO_5, from: '2026-11-20T16:45:00+05:30', minutes: 30, due: '2026-11-23T09:15:00+05:30' },
    { name: 'Kolkata holiday starts at local midnight (18:30 UTC the day before)', cal: KOLKATA_TUESDAY_OFF, from: '2026-11-23T16:30:00+05:30', minutes: 60, due: '2026-11-25T09:30:00+05:30' },
  ])('$name', ({ cal, from, minutes, due }) => {
    expect(addBusinessMinutes(cal, at(from), minutes).toISOString()).toBe(at(due).toISOString());
  });

  it('refuses negative or non-finite minutes', () => {
    for (const minutes of [-1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => addBusinessMinutes(UTC_9_TO_5, at('2026-11-23T10:00:00Z'), minutes)).toThrow(RangeError);
    }
  });

  it('refuses a calendar that never opens instead of looping forever', () => {
    expect(() => addBusinessMinutes(calendar('UTC', {}), at('2026-11-23T10:00:00Z'), 1)).toThrow(RangeError);
  });
});

describe('businessMinutesBetween', () => {
  it.each([
    { name: 'backwards is 0', cal: UTC_9_TO_5, from: '2026-11-23T12:00:00Z', to: '2026-11-23T10:00:00Z', minutes: 0 },
    { name: 'same instant is 0', cal: UTC_9_TO_5, from: '2026-11-23T12:00:00Z', to: '2026-11-23T12:00:00Z', minutes: 0 },
    { name: 'a working week', cal: UTC_9_TO_5, from: '2026-11-23T00:00:00Z', to: '2026-11-30T00:00:00Z', minutes: 2400 },
    { name: 'over the weekend', cal: UTC_9_TO_5, from: '2026-11-20T16:00:00Z', to: '2026-11-23T10:00:00Z', minutes: 120 },
    { name: 'a weekend is 0', cal: UTC_9_TO_5, from: '2026-11-21T00:00:00Z', to: '2026-11-23T00:00:00Z', minutes: 0 },
    { name: 'before opening counts nothing', cal: UTC_9_TO_5, from: '2026-11-23T06:00:00Z', to: '2026-11-23T09:15:00Z', minutes: 15 },
    { name: 'seconds are fractions', cal: UTC_9_TO_5, from: '2026-11-23T10:00:00Z', to: '2026-11-23T10:00:30Z', minutes: 0.5 },
    { name: 'a week with a holiday Friday', cal: FRIDAY_OFF, from: '2026-11-23T00:00:00Z', to: '2026-11-30T00:00:00Z', minutes: 1920 },
    { name: 'a split-shift day', cal: SPLIT_SHIFT, from: '2026-11-23T00:00:00Z', to: '2026-11-24T00:00:00Z', minutes: 420 },
    { name: 'evening plus night windows', cal: EVENINGS_AND_NIGHTS, from: '2026-11-23T00:00:00Z', to: '2026-11-24T00:00:00Z', minutes: 480 },
    { name: 'Berlin 24/7 spring-forward day is 23 h', cal: BERLIN_24_7, from: '2026-03-29T00:00:00+01:00', to: '2026-03-30T00:00:00+02:00', minutes: 23 * 60 },
    { name: 'Berlin 24/7 fall-back day is 25 h', cal: BERLIN_24_7, from: '2026-10-25T00:00:00+02:00', to: '2026-10-26T00:00:00+01:00', minutes: 25 * 60 },
    { name: 'Berlin 01:00–04:00 on spring-forward Sunday', cal: BERLIN_SUNDAY_NIGHT, from: '2026-03-28T00:00:00Z', to: '2026-03-30T00:00:00Z', minutes: 120 },
    { name: 'Berlin 01:00–04:00 on fall-back Sunday', cal: BERLIN_SUNDAY_NIGHT, from: '2026-10-24T00:00:00Z', to: '2026-10-26T00:00:00Z', minutes: 240 },
    { name: 'Berlin office hours, week of spring forward', cal: BERLIN_9_TO_5, from: '2026-03-23T00:00:00+01:00', to: '2026-03-30T00:00:00+02:00', minutes: 2400 },
    { name: 'Berlin Christmas holidays', cal: BERLIN_9_TO_5, from: '2026-12-21T00:00:00+01:00', to: '2026-12-28T00:00:00+01:00', minutes: 1440 },
    { name: 'New York 24/7 fall-back day is 25 h', cal: NEW_YORK_24_7, from: '2026-11-01T00:00:00-04:00', to: '2026-11-02T00:00:00-05:00', minutes: 25 * 60 },
    { name: 'New York 24/7 spring-forward day is 23 h', cal: NEW_YORK_24_7, from: '2026-03-08T00:00:00-05:00', to: '2026-03-09T00:00:00-04:00', minutes: 23 * 60 },
    { name: 'New York 00:00–03:00 on fall-back Sunday is 4 h', cal: NEW_YORK_SUNDAY_NIGHT, from: '2026-10-31T00:00:00Z', to: '2026-11-02T00:00:00Z', minutes: 240 },
    { name: 'New York 00:00–03:00 on spring-forward Sunday is 2 h', cal: NEW_YORK_SUNDAY_NIGHT, from: '2026-03-07T00:00:00Z', to: '2026-03-09T00:00:00Z', minutes: 120 },
    { name: 'Santiago 24/7: the Saturday before a midnight fall back is 25 h', cal: SANTIAGO_24_7, from: '2026-04-04T00:00:00-03:00', to: '2026-04-05T00:00:00-04:00', minutes: 25 * 60 },
    { name: 'Santiago 24/7: the Sunday that skips midnight is 23 h', cal: SANTIAGO_24_7, from: '2026-09-06T01:00:00-03:00', to: '2026-09-07T00:00:00-03:00', minutes: 23 * 60 },
    { name: 'Santiago Sundays: that Sunday counts 23 h', cal: SANTIAGO_SUNDAYS, from: '2026-09-05T00:00:00Z', to: '2026-09-08T00:00:00Z', minutes: 23 * 60 },
    { name: 'Kolkata day measured in UTC', cal: KOLKATA_9_TO_5, from: '2026-11-23T00:00:00Z', to: '2026-11-24T00:00:00Z', minutes: 480 },
    { name: 'Kolkata half-hour offset at the edges', cal: KOLKATA_9_TO_5, from: '2026-11-23T03:00:00Z', to: '2026-11-23T04:00:00Z', minutes: 30 },
    { name: 'a year of office hours', cal: UTC_9_TO_5, from: '2026-01-01T00:00:00Z', to: '2027-01-01T00:00:00Z', minutes: 261 * 480 },
  ])('$name', ({ cal, from, to, minutes }) => {
    expect(businessMinutesBetween(cal, at(from), at(to))).toBe(minutes);
  });
});

describe('addBusinessMinutes and businessMinutesBetween agree', () => {
  const calendars = { UTC_9_TO_5, SPLIT_SHIFT, EVENINGS_AND_NIGHTS, LONG_WEEKEND, BERLIN_9_TO_5, BERLIN_SUNDAY_NIGHT, BERLIN_SUNDAY_GAP, BERLIN_SUNDAY_REPEATED, NEW_YORK_24_7, KOLKATA_9_TO_5 };
  const amounts = [0.5, 1, 59, 60, 480, 1000, 2401];
  // Starts every 197 minutes for 11 days around each 2026 transition (US spring, EU spring, both
  // falls), so every kind of edge is hit.
  const starts = ['2026-03-04T00:00:00Z', '2026-03-24T00:00:00Z', '2026-10-21T00:00:00Z'].flatMap((base) =>
    Array.from({ length: 80 }, (_, i) => new Date(Date.parse(base) + i * 197 * 60_000)),
  );
  it.each(Object.entries(calendars))('%s: the result is the earliest instant with exactly that much business time', (_, cal) => {
    for (const from of starts) {
      for (const minutes of amounts) {
        const due = addBusinessMinutes(cal, from, minutes);
        expect(businessMinutesBetween(cal, from, due)).toBe(minutes);
        expect(businessMinutesBetween(cal, from, new Date(due.getTime() - 1))).toBeLessThan(minutes);
      }
    }
  });
});

describe('ZBusinessCalendar', () => {
  const valid = calendar('Europe/Berlin', weekdays(hours('09:00', '17:00')));
  const withDay = (mon: Windows) => ({ ...valid, weekly: { ...valid.weekly, mon } });

  it.each([
    { name: 'the default calendar', input: DEFAULT_CALENDAR },
    { name: '24/7', input: ALWAYS_OPEN },
    { name: 'a split shift with touching windows', input: withDay([{ start: '09:00', end: '12:00' }, { start: '12:00', end: '17:00' }]) },
    { name: 'windows given out of order', input: withDay([{ start: '13:00', end: '17:00' }, { start: '09:00', end: '12:00' }]) },
    { name: 'a window to 24:00', input: withDay([{ start: '18:00', end: '24:00' }]) },
    { name: 'a half-hour zone with holidays', input: { ...valid, timeZone: 'Asia/Kolkata', holidays: ['2026-01-26', '2028-02-29'] } },
  ])('accepts $name', ({ input }) => {
    expect(ZBusinessCalendar.parse(input)).toEqual(input);
  });

  it.each([
    { typed: ' europe/berlin ', stored: 'Europe/Berlin' },
    { typed: 'utc', stored: 'UTC' },
    { typed: 'Asia/Kolkata', stored: 'Asia/Kolkata' }, // not ICU's old alias Asia/Calcutta
    { typed: 'Europe/Kyiv', stored: 'Europe/Kyiv' },
  ])('stores zone $typed as $stored', ({ typed, stored }) => {
    expect(ZBusinessCalendar.parse({ ...valid, timeZone: typed }).timeZone).toBe(stored);
  });

  it.each([
    { name: 'an unknown zone', input: { ...valid, timeZone: 'Mars/Olympus' }, path: ['timeZone'], message: /time zone/ },
    { name: 'an empty zone', input: { ...valid, timeZone: '' }, path: ['timeZone'], message: /time zone/ },
    { name: 'a time without leading zero', input: withDay(hours('9:00', '17:00')), path: ['weekly', 'mon', 0, 'start'], message: /HH:MM/ },
    { name: 'hour 25', input: withDay(hours('09:00', '25:00')), path: ['weekly', 'mon', 0, 'end'], message: /HH:MM/ },
    { name: 'minute 60', input: withDay(hours('09:00', '17:60')), path: ['weekly', 'mon', 0, 'end'], message: /HH:MM/ },
    { name: 'opening at 24:00', input: withDay(hours('24:00', '24:00')), path: ['weekly', 'mon', 0, 'start'], message: /HH:MM/ },
    { name: 'an empty window', input: withDay(hours('09:00', '09:00')), path: ['weekly', 'mon', 0, 'end'], message: /after opening/ },
    { name: 'a window ending before it starts', input: withDay(hours('17:00', '09:00')), path: ['weekly', 'mon', 0, 'end'], message: /after opening/ },
    {
      name: 'overlapping windows',
      input: withDay([{ start: '09:00', end: '12:00' }, { start: '11:00', end: '13:00' }]),
      path: ['weekly', 'mon', 1],
      message: /09:00–12:00 and 11:00–13:00 overlap/,
    },
    { name: 'a missing weekday', input: { ...valid, weekly: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [] } }, path: ['weekly', 'sun'], message: /.+/ },
    { name: 'an unknown weekday', input: { ...valid, weekly: { ...calendar('UTC', {}).weekly, monday: [] } }, path: ['weekly'], message: /monday/ },
    { name: 'a calendar that never opens', input: { ...valid, weekly: calendar('UTC', {}).weekly }, path: ['weekly'], message: /at least one/ },
    { name: 'an impossible date', input: { ...valid, holidays: ['2026-02-30'] }, path: ['holidays', 0], message: /YYYY-MM-DD/ },
    { name: 'a non-leap 29 February', input: { ...valid, holidays: ['2027-02-29'] }, path: ['holidays', 0], message: /YYYY-MM-DD/ },
    { name: 'a loosely written date', input: { ...valid, holidays: ['2026-12-1'] }, path: ['holidays', 0], message: /YYYY-MM-DD/ },
  ])('rejects $name with a message at the field', ({ input, path, message }) => {
    const result = ZBusinessCalendar.safeParse(input);
    expect(result.success).toBe(false);
    const issue = result.error?.issues.find((i) => JSON.stringify(i.path) === JSON.stringify(path));
    expect(issue, JSON.stringify(result.error?.issues)).toBeDefined();
    expect(issue?.message).toMatch(message);
  });

  it('ships defaults that cover every weekday and cannot be changed in place', () => {
    for (const cal of [DEFAULT_CALENDAR, ALWAYS_OPEN]) {
      expect(Object.keys(cal.weekly).sort()).toEqual([...WEEKDAYS].sort());
      expect(() => cal.weekly.mon.push({ start: '18:00', end: '19:00' })).toThrow(TypeError);
      expect(() => cal.holidays.push('2026-12-25')).toThrow(TypeError);
    }
  });
});
