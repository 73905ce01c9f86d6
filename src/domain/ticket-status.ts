import type { TicketStatus } from '../contracts/ticket.ts';

export type StatusTransition = { ok: true } | { ok: false; userMessage: string };

/**
 * Where a ticket may go from each status. A closed ticket is finished: only reopening brings it
 * back, so a customer's late answer cannot silently park it as pending. Nothing returns to NEW
 * (it means "nobody has looked yet"). RESOLVED is "we think it is done" and may be reopened or closed.
 */
const ALLOWED: Record<TicketStatus, readonly TicketStatus[]> = {
  NEW: ['OPEN', 'PENDING', 'RESOLVED', 'CLOSED'],
  OPEN: ['PENDING', 'RESOLVED', 'CLOSED'],
  PENDING: ['OPEN', 'RESOLVED', 'CLOSED'],
  RESOLVED: ['OPEN', 'CLOSED'],
  CLOSED: ['OPEN'],
};

const label: Record<TicketStatus, string> = { NEW: 'new', OPEN: 'open', PENDING: 'pending', RESOLVED: 'resolved', CLOSED: 'closed' };

/** Whether a ticket may move from `from` to `to`; staying put is allowed (and changes nothing). */
export const statusTransition = (from: TicketStatus, to: TicketStatus): StatusTransition => {
  if (from === to || ALLOWED[from].includes(to)) return { ok: true };
  if (to === 'NEW') return { ok: false, userMessage: `A ${label[from]} ticket cannot become new again: set it to open instead.` };
  if (from === 'CLOSED') return { ok: false, userMessage: `A closed ticket cannot become ${label[to]}: reopen it first.` };
  return { ok: false, userMessage: `A ${label[from]} ticket cannot become ${label[to]}: reopen it first.` };
};

/** Statuses during which the SLA clocks stand still (waiting on the customer). */
export const pausesSla = (status: TicketStatus): boolean => status === 'PENDING';

/** Statuses that count as resolved for the resolution clock. */
export const isResolved = (status: TicketStatus): boolean => status === 'RESOLVED' || status === 'CLOSED';
