import type { SlaClockDto, TicketPriority } from '../../src/contracts/ticket.ts';
import { DEFAULT_CALENDAR, ZBusinessCalendar, type BusinessCalendar } from '../../src/domain/business-hours.ts';
import { computeSla, targetsAfterChange, type SlaClock, type SlaTargets } from '../../src/domain/sla.ts';
import type { Tx } from '../db/client.ts';
import type { Deps } from '../deps.ts';
import type { Prisma, Ticket } from '../db/generated/client.ts';
import type { StoredClocks } from './ticket-dto.ts';

export const SLA_TIMER_JOB = 'ticket.sla-timer';

/** What the clocks are measured against: the workspace's calendar and its targets per priority. */
export type SlaContext = { calendar: BusinessCalendar; targets: Record<TicketPriority, SlaTargets> };

const NO_TARGETS: SlaTargets = { firstResponseMinutes: null, resolutionMinutes: null };

/** A stored calendar that no longer validates falls back to the default rather than stopping every clock. */
export const parseCalendar = (raw: unknown): BusinessCalendar => {
  if (raw === null || raw === undefined) return DEFAULT_CALENDAR;
  const parsed = ZBusinessCalendar.safeParse(raw);
  return parsed.success ? parsed.data : DEFAULT_CALENDAR;
};

export const loadSlaContext = async (tx: Pick<Tx, 'tenant' | 'slaPolicy'>, tenantId: string): Promise<SlaContext> => {
  const [tenant, policies] = await Promise.all([
    tx.tenant.findUnique({ where: { id: tenantId }, select: { businessCalendar: true } }),
    tx.slaPolicy.findMany({ where: { tenantId } }),
  ]);
  const targets: Record<TicketPriority, SlaTargets> = { LOW: NO_TARGETS, NORMAL: NO_TARGETS, HIGH: NO_TARGETS, URGENT: NO_TARGETS };
  for (const p of policies) targets[p.priority] = { firstResponseMinutes: p.firstResponseMinutes, resolutionMinutes: p.resolutionMinutes };
  return { calendar: parseCalendar(tenant?.businessCalendar), targets };
};

export type Pause = { from: string; to: string | null };

export const pausesOf = (ticket: Pick<Ticket, 'slaPauses'>): Pause[] => (Array.isArray(ticket.slaPauses) ? (ticket.slaPauses as Pause[]) : []);

const clockDto = (c: SlaClock): SlaClockDto => ({
  state: c.state,
  dueAt: c.dueAt ? c.dueAt.toISOString() : null,
  atRiskAt: c.atRiskAt ? c.atRiskAt.toISOString() : null,
  elapsedMinutes: Math.round(c.elapsedMinutes * 100) / 100,
  targetMinutes: c.targetMinutes,
});

/** `previous`: the clocks as last stored (null for a new ticket). */
type SlaInputs = Pick<Ticket, 'createdAt' | 'priority' | 'firstRespondedAt' | 'resolvedAt'> & { pauses: Pause[]; previous: StoredClocks | null };

/**
 * The SLA columns (`data`) for a ticket's current inputs, as of `now`, and the clocks they hold.
 * A clock that already ended (met or breached) keeps the target it ended under, so a later
 * priority or policy change never re-judges it.
 */
export const slaColumns = (ticket: SlaInputs, ctx: SlaContext, now: Date) => {
  const result = computeSla({
    createdAt: ticket.createdAt,
    calendar: ctx.calendar,
    targets: targetsAfterChange(ctx.targets[ticket.priority], ticket.previous),
    pauses: ticket.pauses.map((p) => ({ from: new Date(p.from), to: p.to ? new Date(p.to) : null })),
    firstRespondedAt: ticket.firstRespondedAt,
    resolvedAt: ticket.resolvedAt,
    now,
  });
  const clocks: StoredClocks = { firstResponse: clockDto(result.firstResponse), resolution: clockDto(result.resolution) };
  return {
    data: { slaState: result.state, slaDueAt: result.dueAt, slaNextTimerAt: result.nextTimerAt, slaClocks: clocks as unknown as Prisma.InputJsonValue },
    clocks,
  };
};

export type SlaClockName = 'first_response' | 'resolution';
export type SlaTransition = { clock: SlaClockName; to: 'at_risk' | 'breached' };

/**
 * Clocks that crossed into at-risk or breached between two computations: each is recorded
 * (event + notification) exactly once, by whichever write first stores the new state.
 */
export const slaTransitions = (before: StoredClocks | null, after: StoredClocks): SlaTransition[] => {
  const out: SlaTransition[] = [];
  const pairs: Array<[SlaClockName, SlaClockDto['state'] | undefined, SlaClockDto['state']]> = [
    ['first_response', before?.firstResponse.state, after.firstResponse.state],
    ['resolution', before?.resolution.state, after.resolution.state],
  ];
  for (const [clock, from, to] of pairs) {
    if (to === 'breached' && from !== 'breached') out.push({ clock, to: 'breached' });
    else if (to === 'at_risk' && from !== 'at_risk' && from !== 'breached') out.push({ clock, to: 'at_risk' });
  }
  return out;
};

/**
 * A delayed job to the exact instant the next clock changes state. Its id carries the slaVersion
 * it was computed under, so a change (which bumps the version) makes older jobs no-ops and
 * schedules its own. A lost enqueue is re-done by reconcileJobs from slaNextTimerAt.
 */
export const scheduleSlaTimer = async (
  deps: Pick<Deps, 'queue' | 'log'>,
  ticket: { tenantId: string; id: string; slaVersion: number; slaNextTimerAt: Date | null },
): Promise<void> => {
  if (!ticket.slaNextTimerAt) return;
  const at = ticket.slaNextTimerAt;
  await deps.queue
    .enqueue(
      SLA_TIMER_JOB,
      { tenantId: ticket.tenantId, ticketId: ticket.id, slaVersion: ticket.slaVersion, at: at.toISOString() },
      { jobId: `ticket.${ticket.id}.${ticket.slaVersion}`, delayMs: Math.max(0, at.getTime() - Date.now()), attempts: 5 },
    )
    .catch((err: unknown) => deps.log.error({ err, ticketId: ticket.id }, 'SLA timer enqueue failed; the reconciler will retry'));
};
