import { addBusinessMs, businessMsBetween, minutesToMs, type BusinessCalendar } from './business-hours.ts';

/**
 * SLA clocks for a ticket: first response and resolution, both measured in business time.
 *
 * Decisions (what a Zendesk/Zammad user expects):
 * - Elapsed time is business time (calendar zone, weekly hours, holidays) from `createdAt`, minus
 *   every pending (paused) period. Both clocks pause while pending, until each one stops. A ticket
 *   created outside hours starts counting at the next opening.
 * - Pauses are taken as they were at `now`: one still open (`to` null, or `to` after now) means
 *   paused now; one starting after `now` is ignored; overlapping pauses count once; time before
 *   `createdAt` is ignored.
 * - The first-response clock stops at `firstRespondedAt`, or at `resolvedAt` if the ticket was
 *   resolved without a reply (nobody waits for a reply then). The resolution clock stops at
 *   `resolvedAt`. A stop after `now` is not a stop yet.
 * - Due is the instant elapsed time reaches the target; at-risk the instant it reaches
 *   AT_RISK_RATIO of it. At exactly the due instant the clock is breached (so a reply landing
 *   exactly at the due instant is late); at exactly 80 % it is at risk.
 * - `targets` are the CURRENT priority's: time already spent counts against them, so a tighter
 *   target already exceeded is breached at once (dueAt = the past instant it was crossed), a
 *   looser one moves due later.
 * - A breach is never undone: stopped after due → 'breached', stopped in time → 'met'.
 *   computeSla itself has no memory, so across recomputations use `targetsAfterChange`: a clock
 *   that already ended (met or breached) keeps the target it ended under, so lowering the
 *   priority does not un-breach it and raising it does not turn an on-time reply late.
 * - Resolved time is not paused by computeSla: when a ticket is reopened, pass the resolved
 *   period as a pause (and resolvedAt null), or the resolution clock counts it.
 * - Paused: a clock below 80 % shows 'paused' with dueAt/atRiskAt null (the deadline depends on
 *   when the customer answers). An at-risk clock that pauses STAYS 'at_risk' (dueAt null,
 *   atRiskAt = when it became at risk): setting a ticket pending must not hide a nearly-late
 *   ticket, and the at-risk notification, already sent, must not be re-sent on resume.
 *   A breached clock stays 'breached'.
 * - dueAt/atRiskAt of a running clock assume no future pause and do not depend on `now` (they
 *   change only when the inputs do), so they can be stored and sorted on. For a breached clock
 *   they are the past instants it crossed each line; for a met clock both are null.
 * - Result `dueAt`: the earliest dueAt of a clock that is neither stopped nor paused (including a
 *   breached one, whose due is in the past, so the most overdue sort first). `nextTimerAt`: the
 *   earliest at-risk or due instant strictly after `now`; null when nothing will change by itself
 *   (all clocks stopped, paused, breached or without target).
 */
export type SlaTargets = { firstResponseMinutes: number | null; resolutionMinutes: number | null };
export type SlaState = 'none' | 'running' | 'paused' | 'met' | 'at_risk' | 'breached';
export type SlaClock = { state: SlaState; dueAt: Date | null; atRiskAt: Date | null; elapsedMinutes: number; targetMinutes: number | null };
export type SlaInput = {
  createdAt: Date;
  calendar: BusinessCalendar;
  targets: SlaTargets;
  pauses: Array<{ from: Date; to: Date | null }>;
  firstRespondedAt: Date | null;
  resolvedAt: Date | null;
  now: Date;
};
export type SlaResult = { firstResponse: SlaClock; resolution: SlaClock; state: SlaState; dueAt: Date | null; nextTimerAt: Date | null };

export const AT_RISK_RATIO = 0.8;

/** Worst first. */
const SEVERITY: readonly SlaState[] = ['breached', 'at_risk', 'running', 'paused', 'met', 'none'];

type Span = { from: number; to: number }; // to = Infinity: still pending

/** Pauses as seen at `now`: clipped to [createdAt, now], sorted and merged. */
const normalisePauses = (pauses: SlaInput['pauses'], createdAt: number, now: number): Span[] => {
  const spans = pauses
    .map((p) => {
      const to = p.to === null || p.to.getTime() > now ? Infinity : p.to.getTime();
      return { from: Math.max(p.from.getTime(), createdAt), to };
    })
    .filter((s) => s.from <= now && s.to > s.from)
    .sort((a, b) => a.from - b.from);
  const merged: Span[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s.from <= last.to) last.to = Math.max(last.to, s.to);
    else merged.push({ ...s });
  }
  return merged;
};

type Timeline = { cal: BusinessCalendar; createdAt: number; pauses: Span[] };

/** Business ms counted in [createdAt, until), pauses excluded. */
const elapsedMs = ({ cal, createdAt, pauses }: Timeline, until: number): number => {
  let total = businessMsBetween(cal, createdAt, until);
  for (const p of pauses) {
    if (p.from >= until) break;
    total -= businessMsBetween(cal, p.from, Math.min(p.to, until));
  }
  return total;
};

/** The first instant (whole ms, rounded up) at which elapsed reaches `target`; null if a still-open pause comes first. */
const reachMs = ({ cal, createdAt, pauses }: Timeline, target: number): number | null => {
  let cursor = createdAt;
  let remaining = target;
  for (const p of pauses) {
    if (p.from > cursor) {
      const free = businessMsBetween(cal, cursor, p.from);
      if (remaining <= free) return Math.ceil(addBusinessMs(cal, cursor, remaining));
      remaining -= free;
    }
    if (p.to === Infinity) return remaining === 0 ? Math.ceil(cursor) : null;
    cursor = Math.max(cursor, p.to);
  }
  return Math.ceil(addBusinessMs(cal, cursor, remaining));
};

type ClockResult = { clock: SlaClock; live: boolean; timers: number[] };

const computeClock = (t: Timeline, targetMinutes: number | null, stopAt: number | null, now: number, pausedNow: boolean): ClockResult => {
  const stopped = stopAt !== null && stopAt <= now;
  const end = stopped ? stopAt : now;
  const elapsedMinutes = Math.max(0, elapsedMs(t, end)) / 60_000;
  if (targetMinutes === null) {
    return { clock: { state: 'none', dueAt: null, atRiskAt: null, elapsedMinutes, targetMinutes: null }, live: false, timers: [] };
  }
  if (!Number.isFinite(targetMinutes) || targetMinutes < 0) throw new RangeError(`SLA target must be a finite number of minutes ≥ 0, got ${targetMinutes}`);
  const due = reachMs(t, minutesToMs(targetMinutes));
  const atRisk = reachMs(t, minutesToMs(targetMinutes * AT_RISK_RATIO));
  const clock = (state: SlaState, dueAt: number | null, atRiskAt: number | null): SlaClock => ({
    state,
    dueAt: dueAt === null ? null : new Date(dueAt),
    atRiskAt: atRiskAt === null ? null : new Date(atRiskAt),
    elapsedMinutes,
    targetMinutes,
  });
  const isPast = (instant: number | null): instant is number => instant !== null && instant <= end;

  if (isPast(due)) return { clock: clock('breached', due, atRisk), live: !stopped && !pausedNow, timers: [] };
  if (stopped) return { clock: clock('met', null, null), live: false, timers: [] };
  if (pausedNow) return { clock: isPast(atRisk) ? clock('at_risk', null, atRisk) : clock('paused', null, null), live: false, timers: [] };
  const timers = [atRisk, due].filter((x): x is number => x !== null && x > now);
  return { clock: isPast(atRisk) ? clock('at_risk', due, atRisk) : clock('running', due, atRisk), live: true, timers };
};

const minStopAt = (...instants: Array<Date | null>): number | null => {
  const times = instants.filter((d): d is Date => d !== null).map((d) => d.getTime());
  return times.length ? Math.min(...times) : null;
};

export const computeSla = (input: SlaInput): SlaResult => {
  const createdAt = input.createdAt.getTime();
  const now = input.now.getTime();
  const pauses = normalisePauses(input.pauses, createdAt, now);
  const pausedNow = pauses[pauses.length - 1]?.to === Infinity;
  const timeline: Timeline = { cal: input.calendar, createdAt, pauses };

  const first = computeClock(timeline, input.targets.firstResponseMinutes, minStopAt(input.firstRespondedAt, input.resolvedAt), now, pausedNow);
  const resolution = computeClock(timeline, input.targets.resolutionMinutes, minStopAt(input.resolvedAt), now, pausedNow);
  const both = [first, resolution];

  const state = SEVERITY.find((s) => both.some((c) => c.clock.state === s)) ?? 'none';
  const dues = both.flatMap((c) => (c.live && c.clock.dueAt ? [c.clock.dueAt.getTime()] : []));
  const timers = both.flatMap((c) => c.timers);
  return {
    firstResponse: first.clock,
    resolution: resolution.clock,
    state,
    dueAt: dues.length ? new Date(Math.min(...dues)) : null,
    nextTimerAt: timers.length ? new Date(Math.min(...timers)) : null,
  };
};

type EndedClock = Pick<SlaClock, 'state' | 'targetMinutes'>;

/**
 * The targets to recompute with after a change (priority, policy, status): the current priority's,
 * except for a clock whose previous computation had ended (met or breached), which keeps its target.
 */
export const targetsAfterChange = (current: SlaTargets, previous: { firstResponse: EndedClock; resolution: EndedClock } | null): SlaTargets => {
  const keep = (clock: EndedClock | undefined, target: number | null) =>
    clock && (clock.state === 'met' || clock.state === 'breached') ? clock.targetMinutes : target;
  return {
    firstResponseMinutes: keep(previous?.firstResponse, current.firstResponseMinutes),
    resolutionMinutes: keep(previous?.resolution, current.resolutionMinutes),
  };
};
