import type { SlaState } from '../sla.ts';
import { median, rate } from './aggregate.ts';

export type TicketPriorityName = 'LOW' | 'NORMAL' | 'HIGH' | 'URGENT';

/** What the compliance figures need of one ticket: its two clocks as last recorded, and its times. */
export type TicketSlaRecord = {
  priority: TicketPriorityName;
  firstResponse: SlaState;
  resolution: SlaState;
  createdAt: Date;
  firstRespondedAt: Date | null;
  resolvedAt: Date | null;
};

/**
 * One clock over many tickets. A clock counts once it has ended: `met` in time, or `breached`
 * (a breach is final even while the ticket is still open). Running, at-risk and paused clocks are
 * `open`; tickets whose priority has no target are `untracked`. Compliance = met / (met + breached),
 * null with nothing ended yet.
 */
export type ClockCompliance = { met: number; breached: number; open: number; untracked: number; compliance: number | null };

export type TicketSlaCompliance = {
  tickets: number;
  firstResponse: ClockCompliance;
  resolution: ClockCompliance;
  /** Wall-clock medians (creation → first public reply, creation → resolved), lower middle. */
  firstResponseMedianMs: number | null;
  resolutionMedianMs: number | null;
  byPriority: Array<{ priority: TicketPriorityName; tickets: number; firstResponse: ClockCompliance; resolution: ClockCompliance }>;
};

const PRIORITIES: TicketPriorityName[] = ['URGENT', 'HIGH', 'NORMAL', 'LOW'];

export const clockCompliance = (states: SlaState[]): ClockCompliance => {
  const c = { met: 0, breached: 0, open: 0, untracked: 0 };
  for (const s of states) {
    if (s === 'met') c.met++;
    else if (s === 'breached') c.breached++;
    else if (s === 'none') c.untracked++;
    else c.open++;
  }
  return { ...c, compliance: rate(c.met, c.met + c.breached) };
};

export const ticketSlaCompliance = (tickets: TicketSlaRecord[]): TicketSlaCompliance => ({
  tickets: tickets.length,
  firstResponse: clockCompliance(tickets.map((t) => t.firstResponse)),
  resolution: clockCompliance(tickets.map((t) => t.resolution)),
  firstResponseMedianMs: median(tickets.flatMap((t) => (t.firstRespondedAt ? [t.firstRespondedAt.getTime() - t.createdAt.getTime()] : []))),
  resolutionMedianMs: median(tickets.flatMap((t) => (t.resolvedAt ? [t.resolvedAt.getTime() - t.createdAt.getTime()] : []))),
  byPriority: PRIORITIES.map((priority) => {
    const mine = tickets.filter((t) => t.priority === priority);
    return { priority, tickets: mine.length, firstResponse: clockCompliance(mine.map((t) => t.firstResponse)), resolution: clockCompliance(mine.map((t) => t.resolution)) };
  }).filter((p) => p.tickets > 0),
});
