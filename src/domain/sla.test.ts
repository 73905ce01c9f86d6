import { describe, expect, it } from 'vitest';
import { ALWAYS_OPEN, DEFAULT_CALENDAR, businessMinutesBetween, type BusinessCalendar } from './business-hours.ts';
import { AT_RISK_RATIO, computeSla, targetsAfterChange, type SlaClock, type SlaInput, type SlaState } from './sla.ts';

// 2026-11-23 is a Monday; DEFAULT_CALENDAR is Mon–Fri 09:00–17:00 UTC.
const at = (iso: string) => new Date(iso);
const mon = (hhmm: string) => at(`2026-11-23T${hhmm}Z`);
const iso = (d: Date | null) => (d ? d.toISOString() : null);
const pause = (from: string, to: string | null) => ({ from: mon(from), to: to === null ? null : mon(to) });

/** A ticket created Monday 09:00 with only a first-response target of 60 minutes. */
const input = (over: Partial<SlaInput> = {}): SlaInput => ({
  createdAt: mon('09:00'),
  calendar: DEFAULT_CALENDAR,
  targets: { firstResponseMinutes: 60, resolutionMinutes: null },
  pauses: [],
  firstRespondedAt: null,
  resolvedAt: null,
  now: mon('09:30'),
  ...over,
});
type ClockView = { state: SlaState; dueAt: string | null; atRiskAt: string | null; elapsed: number };
const view = (c: SlaClock): ClockView => ({ state: c.state, dueAt: iso(c.dueAt), atRiskAt: iso(c.atRiskAt), elapsed: c.elapsedMinutes });
const clock = (state: SlaState, dueAt: Date | null, atRiskAt: Date | null, elapsed: number): ClockView => ({
  state,
  dueAt: iso(dueAt),
  atRiskAt: iso(atRiskAt),
  elapsed,
});

describe('computeSla: one clock through its life', () => {
  it.each([
    { name: 'running', over: {}, want: clock('running', mon('10:00'), mon('09:48'), 30) },
    { name: 'a millisecond before 80 %', over: { now: at('2026-11-23T09:47:59.999Z') }, want: clock('running', mon('10:00'), mon('09:48'), 47.99998333333333) },
    { name: 'exactly 80 % is at risk', over: { now: mon('09:48') }, want: clock('at_risk', mon('10:00'), mon('09:48'), 48) },
    { name: 'a millisecond before due is still at risk', over: { now: at('2026-11-23T09:59:59.999Z') }, want: clock('at_risk', mon('10:00'), mon('09:48'), 59.99998333333333) },
    { name: 'exactly at due is breached', over: { now: mon('10:00') }, want: clock('breached', mon('10:00'), mon('09:48'), 60) },
    { name: 'after due stays breached, elapsed keeps counting', over: { now: mon('11:00') }, want: clock('breached', mon('10:00'), mon('09:48'), 120) },
    { name: 'after closing, elapsed stops at 17:00', over: { now: mon('20:00') }, want: clock('breached', mon('10:00'), mon('09:48'), 480) },
    { name: 'no target', over: { targets: { firstResponseMinutes: null, resolutionMinutes: null } }, want: clock('none', null, null, 30) },
  ])('$name', ({ over, want }) => {
    expect(view(computeSla(input(over)).firstResponse)).toEqual(want);
  });
});

describe('computeSla: created outside business hours', () => {
  it.each([
    { name: 'on a Saturday: starts Monday 09:00', createdAt: at('2026-11-21T12:00:00Z'), now: at('2026-11-21T13:00:00Z'), want: clock('running', mon('10:00'), mon('09:48'), 0) },
    { name: 'before opening', createdAt: mon('07:00'), now: mon('08:00'), want: clock('running', mon('10:00'), mon('09:48'), 0) },
    { name: 'before opening, counted from 09:00', createdAt: mon('07:00'), now: mon('09:30'), want: clock('running', mon('10:00'), mon('09:48'), 30) },
    { name: 'after closing: due next morning', createdAt: mon('18:00'), now: mon('19:00'), want: clock('running', at('2026-11-24T10:00:00Z'), at('2026-11-24T09:48:00Z'), 0) },
    { name: 'Friday late, over the weekend', createdAt: at('2026-11-20T16:30:00Z'), now: mon('09:10'), want: clock('running', mon('09:30'), mon('09:18'), 40) },
  ])('$name', ({ createdAt, now, want }) => {
    expect(view(computeSla(input({ createdAt, now })).firstResponse)).toEqual(want);
  });
});

describe('computeSla: a clock stops when met', () => {
  it.each([
    { name: 'answered in time', over: { firstRespondedAt: mon('09:40'), now: mon('12:00') }, want: clock('met', null, null, 40) },
    { name: 'answered while at risk', over: { firstRespondedAt: mon('09:50'), now: mon('12:00') }, want: clock('met', null, null, 50) },
    { name: 'answered exactly at due is late', over: { firstRespondedAt: mon('10:00'), now: mon('12:00') }, want: clock('breached', mon('10:00'), mon('09:48'), 60) },
    { name: 'answered late stays breached', over: { firstRespondedAt: mon('10:30'), now: mon('12:00') }, want: clock('breached', mon('10:00'), mon('09:48'), 90) },
    { name: 'resolved without a reply stops the first-response clock', over: { resolvedAt: mon('09:50'), now: mon('12:00') }, want: clock('met', null, null, 50) },
    { name: 'the earlier of reply and resolution counts', over: { firstRespondedAt: mon('10:30'), resolvedAt: mon('09:50'), now: mon('12:00') }, want: clock('met', null, null, 50) },
    { name: 'a reply stamped after now is not a stop yet', over: { firstRespondedAt: mon('09:40'), now: mon('09:30') }, want: clock('running', mon('10:00'), mon('09:48'), 30) },
    { name: 'answered after a pause, in time thanks to it', over: { pauses: [pause('09:10', '09:40')], firstRespondedAt: mon('10:20'), now: mon('12:00') }, want: clock('met', null, null, 50) },
  ])('$name', ({ over, want }) => {
    expect(view(computeSla(input(over)).firstResponse)).toEqual(want);
  });

  it('a met clock sets no timer and no due', () => {
    const result = computeSla(input({ firstRespondedAt: mon('09:40'), now: mon('09:45') }));
    expect({ state: result.state, dueAt: result.dueAt, nextTimerAt: result.nextTimerAt }).toEqual({ state: 'met', dueAt: null, nextTimerAt: null });
  });
});

describe('computeSla: pending pauses the clock', () => {
  it.each([
    { name: 'one pause and resume pushes due back', pauses: [pause('09:10', '09:40')], now: mon('09:50'), want: clock('running', mon('10:30'), mon('10:18'), 20) },
    { name: 'several pauses', pauses: [pause('09:10', '09:20'), pause('09:30', '09:40')], now: mon('09:50'), want: clock('running', mon('10:20'), mon('10:08'), 30) },
    { name: 'overlapping pauses count once', pauses: [pause('09:10', '09:30'), pause('09:20', '09:40')], now: mon('09:50'), want: clock('running', mon('10:30'), mon('10:18'), 20) },
    { name: 'pauses in any order', pauses: [pause('09:30', '09:40'), pause('09:10', '09:20')], now: mon('09:50'), want: clock('running', mon('10:20'), mon('10:08'), 30) },
    { name: 'a pause begun before creation counts from creation', pauses: [pause('08:00', '09:30')], now: mon('09:50'), want: clock('running', mon('10:30'), mon('10:18'), 20) },
    { name: 'a pause wholly before creation is ignored', pauses: [pause('07:00', '08:00')], now: mon('09:30'), want: clock('running', mon('10:00'), mon('09:48'), 30) },
    { name: 'a pause starting after now is ignored', pauses: [pause('10:00', '10:30')], now: mon('09:30'), want: clock('running', mon('10:00'), mon('09:48'), 30) },
    { name: 'still pending: paused, no due', pauses: [pause('09:20', null)], now: mon('11:00'), want: clock('paused', null, null, 20) },
    { name: 'a pause ending after now is still pending', pauses: [pause('09:20', '13:00')], now: mon('11:00'), want: clock('paused', null, null, 20) },
    { name: 'pending since creation', pauses: [pause('09:00', null)], now: mon('11:00'), want: clock('paused', null, null, 0) },
    { name: 'at risk, then pending: stays at risk without a due', pauses: [pause('09:50', null)], now: mon('11:00'), want: clock('at_risk', null, mon('09:48'), 50) },
    { name: 'breached, then pending: stays breached', pauses: [pause('10:10', null)], now: mon('11:00'), want: clock('breached', mon('10:00'), mon('09:48'), 70) },
    { name: 'resumed after pending: due from the remaining minutes', pauses: [pause('09:20', '11:00')], now: mon('11:00'), want: clock('running', mon('11:40'), mon('11:28'), 20) },
  ])('$name', ({ pauses, now, want }) => {
    expect(view(computeSla(input({ pauses, now })).firstResponse)).toEqual(want);
  });

  it.each([
    {
      name: 'a pause wholly outside business hours changes nothing',
      pauses: [{ from: mon('18:00'), to: at('2026-11-24T08:00:00Z') }],
      want: clock('running', at('2026-11-24T09:30:00Z'), at('2026-11-24T09:18:00Z'), 40),
    },
    {
      name: 'a pause across closing removes only its business part',
      pauses: [{ from: mon('16:45'), to: at('2026-11-24T09:05:00Z') }],
      want: clock('running', at('2026-11-24T09:50:00Z'), at('2026-11-24T09:38:00Z'), 20),
    },
    {
      name: 'a pause over the weekend changes nothing',
      pauses: [{ from: at('2026-11-21T00:00:00Z'), to: at('2026-11-22T23:00:00Z') }],
      want: clock('running', at('2026-11-24T09:30:00Z'), at('2026-11-24T09:18:00Z'), 40),
    },
  ])('$name', ({ pauses, want }) => {
    expect(view(computeSla(input({ createdAt: mon('16:30'), pauses, now: at('2026-11-24T09:10:00Z') })).firstResponse)).toEqual(want);
  });

  it('a paused ticket has no timer and does not sort by due', () => {
    const result = computeSla(input({ targets: { firstResponseMinutes: 60, resolutionMinutes: 480 }, pauses: [pause('09:20', null)], now: mon('09:30') }));
    expect({ state: result.state, dueAt: result.dueAt, nextTimerAt: result.nextTimerAt }).toEqual({ state: 'paused', dueAt: null, nextTimerAt: null });
  });

  it('a breached ticket that goes pending leaves the due sort', () => {
    const result = computeSla(input({ pauses: [pause('10:10', null)], now: mon('11:00') }));
    expect({ state: result.state, dueAt: result.dueAt, nextTimerAt: result.nextTimerAt }).toEqual({ state: 'breached', dueAt: null, nextTimerAt: null });
  });
});

describe('computeSla: priority changes mid-flight (targets are the current priority’s)', () => {
  // Created 09:00, now 09:50: 50 business minutes already spent.
  it.each([
    { name: 'tighter target already exceeded: breached now, due in the past', target: 30, pauses: [], want: clock('breached', mon('09:30'), mon('09:24'), 50) },
    { name: 'tighter target exceeded exactly now', target: 50, pauses: [], want: clock('breached', mon('09:50'), mon('09:40'), 50) },
    { name: 'tighter target, time left but past 80 %', target: 55, pauses: [], want: clock('at_risk', mon('09:55'), mon('09:44'), 50) },
    { name: 'looser target: later due, time spent still counts', target: 240, pauses: [], want: clock('running', mon('13:00'), mon('12:12'), 50) },
    { name: 'looser target over closing', target: 480, pauses: [], want: clock('running', mon('17:00'), mon('15:24'), 50) },
    { name: 'looser target with earlier pauses', target: 240, pauses: [pause('09:10', '09:40')], want: clock('running', mon('13:30'), mon('12:42'), 20) },
    { name: 'tighter target crossed before a pause', target: 8, pauses: [pause('09:10', '09:40')], want: clock('breached', mon('09:08'), mon('09:06:24'), 20) },
    { name: 'tighter target crossed only after the pause', target: 15, pauses: [pause('09:10', '09:40')], want: clock('breached', mon('09:45'), mon('09:42'), 20) },
    { name: 'tighter target crossed before going pending', target: 8, pauses: [pause('09:10', null)], want: clock('breached', mon('09:08'), mon('09:06:24'), 10) },
    { name: 'tighter target not yet crossed when pending', target: 15, pauses: [pause('09:10', null)], want: clock('paused', null, null, 10) },
  ])('$name', ({ target, pauses, want }) => {
    const result = computeSla(input({ targets: { firstResponseMinutes: target, resolutionMinutes: null }, pauses, now: mon('09:50') }));
    expect(view(result.firstResponse)).toEqual(want);
  });
});

describe('computeSla: fractional targets', () => {
  it.each([
    { name: 'half a minute', target: 0.5, now: mon('09:00:10'), want: clock('running', mon('09:00:30'), mon('09:00:24'), 10 / 60) },
    { name: 'half a minute at 80 %', target: 0.5, now: mon('09:00:24'), want: clock('at_risk', mon('09:00:30'), mon('09:00:24'), 0.4) },
    { name: 'a tenth of a minute', target: 0.1, now: mon('09:00:01'), want: clock('running', mon('09:00:06'), at('2026-11-23T09:00:04.800Z'), 1 / 60) },
    { name: 'zero: breached on creation', target: 0, now: mon('09:00'), want: clock('breached', mon('09:00'), mon('09:00'), 0) },
  ])('$name', ({ target, now, want }) => {
    expect(view(computeSla(input({ targets: { firstResponseMinutes: target, resolutionMinutes: null }, now })).firstResponse)).toEqual(want);
  });

  it('refuses a negative target', () => {
    expect(() => computeSla(input({ targets: { firstResponseMinutes: -1, resolutionMinutes: null } }))).toThrow(RangeError);
  });

  it('uses an 80 % at-risk line', () => {
    expect(AT_RISK_RATIO).toBe(0.8);
  });
});

describe('computeSla: time zones and DST', () => {
  const berlin: BusinessCalendar = { ...DEFAULT_CALENDAR, timeZone: 'Europe/Berlin' };
  const newYork: BusinessCalendar = { ...DEFAULT_CALENDAR, timeZone: 'America/New_York' };
  it.each([
    {
      name: 'Berlin office hours over spring forward',
      calendar: berlin,
      createdAt: at('2026-03-27T16:00:00+01:00'),
      now: at('2026-03-28T12:00:00+01:00'),
      target: 120,
      want: clock('running', at('2026-03-30T10:00:00+02:00'), at('2026-03-30T09:36:00+02:00'), 60),
    },
    {
      name: 'Berlin office hours over fall back',
      calendar: berlin,
      createdAt: at('2026-10-23T16:00:00+02:00'),
      now: at('2026-10-26T09:40:00+01:00'),
      target: 120,
      want: clock('at_risk', at('2026-10-26T10:00:00+01:00'), at('2026-10-26T09:36:00+01:00'), 100),
    },
    {
      name: 'New York office hours over spring forward',
      calendar: newYork,
      createdAt: at('2026-03-06T16:00:00-05:00'),
      now: at('2026-03-07T12:00:00-05:00'),
      target: 120,
      want: clock('running', at('2026-03-09T10:00:00-04:00'), at('2026-03-09T09:36:00-04:00'), 60),
    },
    {
      name: '24/7 in New York across fall back: 25 real hours in the day',
      calendar: { ...ALWAYS_OPEN, timeZone: 'America/New_York' },
      createdAt: at('2026-11-01T00:00:00-04:00'),
      now: at('2026-11-01T23:00:00-05:00'),
      target: 1500,
      want: clock('at_risk', at('2026-11-02T00:00:00-05:00'), at('2026-11-01T19:00:00-05:00'), 1440),
    },
    {
      name: 'Kolkata office hours (+05:30), created after closing',
      calendar: { ...DEFAULT_CALENDAR, timeZone: 'Asia/Kolkata' },
      createdAt: at('2026-11-23T18:00:00+05:30'),
      now: at('2026-11-23T18:00:00Z'),
      target: 60,
      want: clock('running', at('2026-11-24T10:00:00+05:30'), at('2026-11-24T09:48:00+05:30'), 0),
    },
  ])('$name', ({ calendar, createdAt, now, target, want }) => {
    expect(view(computeSla(input({ calendar, createdAt, now, targets: { firstResponseMinutes: target, resolutionMinutes: null } })).firstResponse)).toEqual(want);
  });
});

describe('computeSla: the ticket as a whole', () => {
  const both = { firstResponseMinutes: 60, resolutionMinutes: 480 };
  it.each([
    { name: 'both running: first response due first', over: { targets: both }, state: 'running', dueAt: mon('10:00'), next: mon('09:48') },
    { name: 'at 80 % of first response: next timer is its due', over: { targets: both, now: mon('09:48') }, state: 'at_risk', dueAt: mon('10:00'), next: mon('10:00') },
    { name: 'first response breached: the most overdue sorts first', over: { targets: both, now: mon('10:00') }, state: 'breached', dueAt: mon('10:00'), next: mon('15:24') },
    { name: 'first response met: resolution drives', over: { targets: both, firstRespondedAt: mon('09:20') }, state: 'running', dueAt: mon('17:00'), next: mon('15:24') },
    { name: 'first response met late: breach shows, resolution sorts', over: { targets: both, firstRespondedAt: mon('10:10'), now: mon('11:00') }, state: 'breached', dueAt: mon('17:00'), next: mon('15:24') },
    { name: 'both breached: nothing left to fire', over: { targets: both, now: at('2026-11-24T10:00:00Z') }, state: 'breached', dueAt: mon('10:00'), next: null },
    { name: 'resolved in time: all met', over: { targets: both, firstRespondedAt: mon('09:20'), resolvedAt: mon('12:00'), now: mon('13:00') }, state: 'met', dueAt: null, next: null },
    { name: 'only a resolution target', over: { targets: { firstResponseMinutes: null, resolutionMinutes: 480 } }, state: 'running', dueAt: mon('17:00'), next: mon('15:24') },
    { name: 'no targets at all', over: { targets: { firstResponseMinutes: null, resolutionMinutes: null } }, state: 'none', dueAt: null, next: null },
    { name: 'met beats none', over: { targets: { firstResponseMinutes: 60, resolutionMinutes: null }, firstRespondedAt: mon('09:10') }, state: 'met', dueAt: null, next: null },
    { name: 'paused beats met', over: { targets: both, firstRespondedAt: mon('09:10'), pauses: [pause('09:20', null)] }, state: 'paused', dueAt: null, next: null },
    { name: 'created in the future (clock skew): counts from creation', over: { targets: both, createdAt: mon('09:40') }, state: 'running', dueAt: mon('10:40'), next: mon('10:28') },
  ])('$name', ({ over, state, dueAt, next }) => {
    const result = computeSla(input(over));
    expect({ state: result.state, dueAt: iso(result.dueAt), next: iso(result.nextTimerAt) }).toEqual({ state, dueAt: iso(dueAt), next: iso(next) });
  });
});

describe('computeSla: nextTimerAt is exactly when the state next changes', () => {
  const states = (r: ReturnType<typeof computeSla>) => [r.firstResponse.state, r.resolution.state, r.state].join('/');
  const scenarios: Array<{ name: string; base: SlaInput }> = [
    { name: 'office hours, both clocks', base: input({ targets: { firstResponseMinutes: 60, resolutionMinutes: 960 }, now: mon('09:00') }) },
    { name: 'created Friday evening', base: input({ createdAt: at('2026-11-20T19:00:00Z'), targets: { firstResponseMinutes: 30, resolutionMinutes: 600 }, now: at('2026-11-20T19:00:00Z') }) },
    { name: 'after pauses, fractional targets', base: input({ targets: { firstResponseMinutes: 0.5, resolutionMinutes: 45.25 }, pauses: [pause('09:00:10', '09:05')], now: mon('09:05') }) },
    {
      name: 'Berlin across spring forward',
      base: input({ calendar: { ...ALWAYS_OPEN, timeZone: 'Europe/Berlin' }, createdAt: at('2026-03-28T22:00:00Z'), targets: { firstResponseMinutes: 90, resolutionMinutes: 300 }, now: at('2026-03-28T22:00:00Z') }),
    },
  ];
  it.each(scenarios)('$name', ({ base }) => {
    let now = base.now;
    let current = computeSla(base);
    const seen = [states(current)];
    for (let step = 0; current.nextTimerAt && step < 10; step++) {
      const next: Date = current.nextTimerAt;
      expect(next.getTime()).toBeGreaterThan(now.getTime());
      // Nothing changes before the timer (probe just before it and half-way)...
      for (const probe of [new Date(next.getTime() - 1), new Date((now.getTime() + next.getTime()) / 2)]) {
        expect(states(computeSla({ ...base, now: probe }))).toBe(states(current));
      }
      // ...and something does at it.
      now = next;
      current = computeSla({ ...base, now });
      expect(states(current)).not.toBe(seen[seen.length - 1]);
      seen.push(states(current));
    }
    expect(current.nextTimerAt).toBeNull();
    expect(seen).toEqual(['running/running/running', 'at_risk/running/at_risk', 'breached/running/breached', 'breached/at_risk/breached', 'breached/breached/breached']);
  });
});

describe('computeSla: state, elapsed and due agree everywhere', () => {
  // Two independent paths: elapsed sums business time up to now, due/at-risk walk forward to the
  // target. Sweeping `now` checks they never disagree (Berlin, across the spring-forward weekend).
  const berlin: BusinessCalendar = { ...DEFAULT_CALENDAR, timeZone: 'Europe/Berlin', holidays: ['2026-03-31'] };
  const createdAt = at('2026-03-26T15:20:00+01:00');
  const hour = 3_600_000;
  const scenarios = [
    { name: 'no pauses', pauses: [], states: ['at_risk', 'breached', 'running'] },
    { name: 'closed pauses', pauses: [{ from: new Date(createdAt.getTime() + 1 * hour), to: new Date(createdAt.getTime() + 20 * hour) }, { from: new Date(createdAt.getTime() + 70 * hour), to: new Date(createdAt.getTime() + 90 * hour) }], states: ['at_risk', 'breached', 'paused', 'running'] },
    // Pending from Monday 19:20, when resolution is already at risk: it stays at risk.
    { name: 'a pause still open', pauses: [{ from: new Date(createdAt.getTime() + 100 * hour), to: null }], states: ['at_risk', 'breached', 'running'] },
  ];
  it.each(scenarios)('$name', ({ pauses, states }) => {
    const targets = { firstResponseMinutes: 240, resolutionMinutes: 1200 };
    const seen = new Set<SlaState>();
    for (let now = createdAt.getTime(); now < createdAt.getTime() + 170 * hour; now += 7 * 60_000 + 13_000) {
      const result = computeSla({ createdAt, calendar: berlin, targets, pauses, firstRespondedAt: null, resolvedAt: null, now: new Date(now) });
      for (const c of [result.firstResponse, result.resolution]) {
        const target = c.targetMinutes ?? Number.NaN;
        const expected = c.elapsedMinutes >= target ? 'breached' : c.elapsedMinutes >= target * AT_RISK_RATIO ? 'at_risk' : c.dueAt ? 'running' : 'paused';
        expect(c.state, new Date(now).toISOString()).toBe(expected);
        seen.add(c.state);
        if (c.state === 'running' || (c.state === 'at_risk' && c.dueAt)) {
          // The due is exactly the remaining business time away (no future pause assumed).
          expect(businessMinutesBetween(berlin, new Date(now), c.dueAt ?? new Date(Number.NaN))).toBeCloseTo(target - c.elapsedMinutes, 6);
        }
      }
    }
    expect([...seen].sort()).toEqual(states);
  });
});

describe('targetsAfterChange: a clock that ended keeps the target it ended under', () => {
  const ended = (state: SlaState, targetMinutes: number | null) => ({ state, targetMinutes });
  const urgent = { firstResponseMinutes: 30, resolutionMinutes: 240 };
  it.each([
    { name: 'first computation: current targets', previous: null, want: urgent },
    { name: 'running clocks take the new targets', previous: { firstResponse: ended('running', 60), resolution: ended('at_risk', 480) }, want: urgent },
    { name: 'paused clocks take the new targets', previous: { firstResponse: ended('paused', 60), resolution: ended('paused', 480) }, want: urgent },
    { name: 'a met reply keeps its target', previous: { firstResponse: ended('met', 60), resolution: ended('running', 480) }, want: { firstResponseMinutes: 60, resolutionMinutes: 240 } },
    { name: 'a breach keeps its target', previous: { firstResponse: ended('breached', 10), resolution: ended('breached', 120) }, want: { firstResponseMinutes: 10, resolutionMinutes: 120 } },
    { name: 'a clock without target gets one', previous: { firstResponse: ended('none', null), resolution: ended('none', null) }, want: urgent },
  ])('$name', ({ previous, want }) => {
    expect(targetsAfterChange(urgent, previous)).toEqual(want);
  });

  it('lowering the priority after a breach leaves it breached; raising it after an on-time reply leaves it met', () => {
    const base = input({ targets: { firstResponseMinutes: 30, resolutionMinutes: null }, now: mon('09:40') });
    const breached = computeSla(base);
    expect(breached.state).toBe('breached');
    const lowered = computeSla({ ...base, targets: targetsAfterChange({ firstResponseMinutes: 240, resolutionMinutes: null }, breached) });
    expect(view(lowered.firstResponse)).toEqual(clock('breached', mon('09:30'), mon('09:24'), 40));
    // Without carrying the target over, the looser priority would have un-breached it:
    expect(computeSla({ ...base, targets: { firstResponseMinutes: 240, resolutionMinutes: null } }).state).toBe('running');

    const answered = computeSla(input({ firstRespondedAt: mon('09:40'), now: mon('09:45') }));
    expect(answered.state).toBe('met');
    const raised = computeSla(input({ firstRespondedAt: mon('09:40'), now: mon('09:50'), targets: targetsAfterChange({ firstResponseMinutes: 15, resolutionMinutes: null }, answered) }));
    expect(raised.firstResponse.state).toBe('met');
  });

  it('a reopened ticket needs its resolved period passed as a pause', () => {
    const reopened = { targets: { firstResponseMinutes: null, resolutionMinutes: 120 }, resolvedAt: null, now: mon('11:10') };
    expect(view(computeSla(input({ ...reopened, pauses: [pause('09:30', '11:00')] })).resolution)).toEqual(clock('running', mon('12:30'), mon('12:06'), 40));
    expect(computeSla(input(reopened)).resolution.state).toBe('breached');
  });
});
