import { IANAZone } from 'luxon';
import { z } from 'zod';

/**
 * Business time: a weekly schedule of opening windows in one IANA time zone, minus holidays.
 *
 * Wall-clock windows are turned into real instants day by day, so a window that crosses a DST
 * transition lasts its real length (Berlin 01:00–04:00 is 2 h on the spring-forward Sunday and
 * 4 h on the fall-back one; a 24/7 calendar counts 23 h and 25 h those days). A window edge that
 * falls in the skipped hour snaps to the transition instant (02:30–03:30 on the spring-forward
 * day opens at 03:00); an edge in the repeated hour takes its first occurrence.
 *
 * Everything steps by windows and days, never by minutes; local midnights (per zone) and each
 * day's windows (per calendar object) are cached, so once warm no time-zone lookup is repeated.
 */
export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
export type BusinessCalendar = {
  timeZone: string;
  weekly: Record<Weekday, Array<{ start: string; end: string }>>;
  holidays: string[];
};

export const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const START_RE = /^(?:[01]\d|2[0-3]):[0-5]\d$/;
const END_RE = /^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

const clockMinutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** 'YYYY-MM-DD' → days since 1970-01-01, or null when it is not a real date (2026-02-30). */
const dayNumber = (isoDate: string): number | null => {
  const m = DATE_RE.exec(isoDate);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return ms / DAY_MS;
};

/**
 * Fixes the letter case ('europe/berlin' → 'Europe/Berlin') but keeps the name chosen: ICU maps
 * some current names to old aliases (Asia/Kolkata → Asia/Calcutta), which users would not recognise.
 */
const tidyZone = (name: string): string => {
  const resolved = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  return resolved.toLowerCase() === name.toLowerCase() ? resolved : name;
};

const ZWindow = z
  .object({
    start: z.string().regex(START_RE, { error: 'Opening time must be HH:MM between 00:00 and 23:59' }),
    end: z.string().regex(END_RE, { error: 'Closing time must be HH:MM between 00:01 and 24:00' }),
  })
  .refine((w) => clockMinutes(w.start) < clockMinutes(w.end), { error: 'Closing time must be after opening time', path: ['end'] });

const ZDay = z
  .array(ZWindow)
  .max(24)
  .superRefine((windows, ctx) => {
    const sorted = windows.map((w, index) => ({ ...w, index })).sort((a, b) => clockMinutes(a.start) - clockMinutes(b.start));
    for (let i = 1; i < sorted.length; i++) {
      const prev = sorted[i - 1];
      const cur = sorted[i];
      if (prev && cur && clockMinutes(cur.start) < clockMinutes(prev.end)) {
        ctx.addIssue({ code: 'custom', path: [cur.index], message: `Opening hours ${prev.start}–${prev.end} and ${cur.start}–${cur.end} overlap` });
      }
    }
  });

export const ZBusinessCalendar: z.ZodType<BusinessCalendar, BusinessCalendar> = z
  .object({
    timeZone: z
      .string()
      .trim()
      .min(1, { error: 'Choose a time zone' })
      .max(64)
      .refine((name) => IANAZone.isValidZone(name), { error: 'Unknown time zone; use an IANA name such as Europe/Berlin' })
      .transform(tidyZone),
    weekly: z.strictObject({ mon: ZDay, tue: ZDay, wed: ZDay, thu: ZDay, fri: ZDay, sat: ZDay, sun: ZDay }),
    holidays: z
      .array(z.string().refine((d) => dayNumber(d) !== null, { error: 'Holidays must be real dates written YYYY-MM-DD' }))
      .max(1000),
  })
  .refine((cal) => WEEKDAYS.some((d) => cal.weekly[d].length > 0), {
    error: 'Open at least one period a week, or SLA deadlines could never fall due',
    path: ['weekly'],
  });

/** Shared constants are frozen all the way down: results are cached per calendar object. */
const frozen = (cal: BusinessCalendar): BusinessCalendar => {
  for (const day of WEEKDAYS) cal.weekly[day].forEach((w) => Object.freeze(w));
  for (const day of WEEKDAYS) Object.freeze(cal.weekly[day]);
  Object.freeze(cal.weekly);
  Object.freeze(cal.holidays);
  return Object.freeze(cal);
};
const nineToFive = () => [{ start: '09:00', end: '17:00' }];
export const DEFAULT_CALENDAR: BusinessCalendar = frozen({
  timeZone: 'UTC',
  weekly: { mon: nineToFive(), tue: nineToFive(), wed: nineToFive(), thu: nineToFive(), fri: nineToFive(), sat: [], sun: [] },
  holidays: [],
});
const allDay = () => [{ start: '00:00', end: '24:00' }];
export const ALWAYS_OPEN: BusinessCalendar = frozen({
  timeZone: 'UTC',
  weekly: { mon: allDay(), tue: allDay(), wed: allDay(), thu: allDay(), fri: allDay(), sat: allDay(), sun: allDay() },
  holidays: [],
});

type Window = readonly [startMinute: number, endMinute: number];
type Compiled = {
  zone: IANAZone;
  /** Index 0 = Monday; windows sorted and merged, in minutes of the local day. */
  weekly: ReadonlyArray<readonly Window[]>;
  holidays: ReadonlySet<number>;
  open: boolean;
  windowCache: Map<number, ReadonlyArray<readonly [number, number]>>;
};

/**
 * Calendars are treated as immutable values: compiled once per object. Build a new object to
 * change one (as parsing with ZBusinessCalendar does); mutating one in place would go unseen.
 */
const compiledCache = new WeakMap<BusinessCalendar, Compiled>();

const compile = (cal: BusinessCalendar): Compiled => {
  const cached = compiledCache.get(cal);
  if (cached) return cached;
  const zone = IANAZone.create(cal.timeZone);
  if (!zone.isValid) throw new RangeError(`Unknown time zone "${cal.timeZone}"`);
  const weekly = WEEKDAYS.map((day) => {
    // Merging makes an unvalidated calendar with overlapping windows count each minute once.
    const sorted = cal.weekly[day].map((w): Window => [clockMinutes(w.start), clockMinutes(w.end)]).filter(([s, e]) => e > s);
    sorted.sort((a, b) => a[0] - b[0]);
    const merged: Window[] = [];
    for (const w of sorted) {
      const last = merged[merged.length - 1];
      if (last && w[0] <= last[1]) merged[merged.length - 1] = [last[0], Math.max(last[1], w[1])];
      else merged.push(w);
    }
    return merged;
  });
  const holidays = new Set(cal.holidays.map(dayNumber).filter((d): d is number => d !== null));
  const compiled = { zone, weekly, holidays, open: weekly.some((w) => w.length > 0), windowCache: new Map() };
  compiledCache.set(cal, compiled);
  return compiled;
};

const offsetMs = (zone: IANAZone, instant: number): number => zone.offset(instant) * MINUTE_MS;

/**
 * A local wall-clock time (ms since epoch as if the zone were UTC) → the real instant. Assumes at
 * most one transition within a day either side, which holds for every zone in use.
 */
const wallToInstant = (zone: IANAZone, wall: number): number => {
  const before = offsetMs(zone, wall - DAY_MS);
  const after = offsetMs(zone, wall + DAY_MS);
  if (before === after) return wall - before;
  const early = wall - before;
  const late = wall - after;
  const earlyOk = offsetMs(zone, early) === before;
  const lateOk = offsetMs(zone, late) === after;
  if (earlyOk && lateOk) return Math.min(early, late); // repeated hour: first occurrence
  if (earlyOk) return early;
  if (lateOk) return late;
  // Skipped hour: the wall time never happens, so it starts at the transition instant.
  let lo = Math.min(early, late);
  let hi = Math.max(early, late);
  const loOffset = offsetMs(zone, lo);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetMs(zone, mid) === loOffset) lo = mid;
    else hi = mid;
  }
  return hi;
};

const MIDNIGHT_CACHE_LIMIT = 50_000;
const midnightCache = new Map<string, Map<number, number>>();
let midnightCacheSize = 0;

/** The instant local day `day` begins (offset lookups cost microseconds, so they are cached). */
const midnight = (zone: IANAZone, day: number): number => {
  let perZone = midnightCache.get(zone.name);
  if (!perZone) {
    perZone = new Map();
    midnightCache.set(zone.name, perZone);
  }
  const hit = perZone.get(day);
  if (hit !== undefined) return hit;
  if (midnightCacheSize >= MIDNIGHT_CACHE_LIMIT) {
    midnightCache.clear();
    midnightCacheSize = 0;
    perZone = new Map();
    midnightCache.set(zone.name, perZone);
  }
  const instant = wallToInstant(zone, day * DAY_MS);
  perZone.set(day, instant);
  midnightCacheSize++;
  return instant;
};

/** The local day an instant falls in, found from cached midnights (no offset lookup once warm). */
const localDay = (zone: IANAZone, instant: number): number => {
  let day = Math.floor(instant / DAY_MS); // offsets are within ±14 h, so at most one step off
  while (instant < midnight(zone, day)) day--;
  while (instant >= midnight(zone, day + 1)) day++;
  return day;
};

const NO_WINDOWS: ReadonlyArray<readonly [number, number]> = [];

const WINDOW_CACHE_LIMIT = 5_000;

/** The opening windows of one local day as real instants, in order (cached per calendar). */
const dayWindows = (c: Compiled, day: number): ReadonlyArray<readonly [number, number]> => {
  const hit = c.windowCache.get(day);
  if (hit) return hit;
  if (c.windowCache.size >= WINDOW_CACHE_LIMIT) c.windowCache.clear();
  const windows = computeDayWindows(c, day);
  c.windowCache.set(day, windows);
  return windows;
};

const computeDayWindows = (c: Compiled, day: number): ReadonlyArray<readonly [number, number]> => {
  if (c.holidays.has(day)) return NO_WINDOWS;
  const spec = c.weekly[(((day + 3) % 7) + 7) % 7] ?? NO_WINDOWS; // day 0 (1970-01-01) was a Thursday
  if (spec.length === 0) return NO_WINDOWS;
  const start = midnight(c.zone, day);
  const next = midnight(c.zone, day + 1);
  if (next - start === DAY_MS) return spec.map(([s, e]) => [start + s * MINUTE_MS, start + e * MINUTE_MS] as const);
  // A transition day: convert each edge on its own; a window wholly inside the skipped hour vanishes.
  const at = (minute: number) => (minute === 1440 ? next : wallToInstant(c.zone, day * DAY_MS + minute * MINUTE_MS));
  return spec.map(([s, e]) => [at(s), at(e)] as const).filter(([s, e]) => e > s);
};

// Far beyond any holiday list: only reached if a calendar could never open (a bug, not input).
const MAX_DAYS = 366 * 400;

/**
 * The earliest instant at which `ms` business milliseconds have passed since `from` (fractional
 * allowed). 0 → `from` itself. A span ending exactly at closing time ends there, not at the next
 * opening.
 */
export const addBusinessMs = (cal: BusinessCalendar, from: number, ms: number): number => {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`Business time to add must be a finite number ≥ 0, got ${ms}`);
  if (!Number.isFinite(from)) throw new RangeError('Invalid start instant');
  if (ms === 0) return from;
  const c = compile(cal);
  if (!c.open) throw new RangeError('The calendar has no opening hours');
  let remaining = ms;
  const first = localDay(c.zone, from) - 1;
  for (let day = first; day < first + MAX_DAYS; day++) {
    for (const [s, e] of dayWindows(c, day)) {
      if (e <= from) continue;
      const start = Math.max(s, from);
      const available = e - start;
      if (remaining <= available) return start + remaining;
      remaining -= available;
    }
  }
  throw new RangeError('The calendar never opens again');
};

/** Business milliseconds in [from, to); 0 when to ≤ from. */
export const businessMsBetween = (cal: BusinessCalendar, from: number, to: number): number => {
  if (!(to > from)) return 0;
  const c = compile(cal);
  if (!c.open) return 0;
  let total = 0;
  const last = localDay(c.zone, to) + 1;
  for (let day = localDay(c.zone, from) - 1; day <= last; day++) {
    for (const [s, e] of dayWindows(c, day)) {
      const overlap = Math.min(e, to) - Math.max(s, from);
      if (overlap > 0) total += overlap;
    }
  }
  return total;
};

/** Minutes → ms, snapped to the microsecond so 0.1 min is 6000 ms, not 6000.000000000001. */
export const minutesToMs = (minutes: number): number => Math.round(minutes * MINUTE_MS * 1000) / 1000;

/**
 * `from` plus `minutes` of business time. Fractional minutes are allowed; the result is rounded up
 * to the next whole millisecond, so at the returned instant the full amount has always elapsed.
 */
export const addBusinessMinutes = (cal: BusinessCalendar, from: Date, minutes: number): Date =>
  new Date(Math.ceil(addBusinessMs(cal, from.getTime(), minutesToMs(minutes))));

/** Business minutes (fractional) between two instants; 0 if to ≤ from. */
export const businessMinutesBetween = (cal: BusinessCalendar, from: Date, to: Date): number =>
  businessMsBetween(cal, from.getTime(), to.getTime()) / MINUTE_MS;
