import { describe, expect, it } from 'vitest';
import { TICKET_STATUSES, type TicketStatus } from '../contracts/ticket.ts';
import { isResolved, pausesSla, statusTransition } from './ticket-status.ts';

// Every (from, to) pair, spelled out: a change to the rule must change this table.
const table: Record<TicketStatus, Record<TicketStatus, boolean>> = {
  NEW: { NEW: true, OPEN: true, PENDING: true, RESOLVED: true, CLOSED: true },
  OPEN: { NEW: false, OPEN: true, PENDING: true, RESOLVED: true, CLOSED: true },
  PENDING: { NEW: false, OPEN: true, PENDING: true, RESOLVED: true, CLOSED: true },
  RESOLVED: { NEW: false, OPEN: true, PENDING: false, RESOLVED: true, CLOSED: true },
  CLOSED: { NEW: false, OPEN: true, PENDING: false, RESOLVED: false, CLOSED: true },
};

const pairs = TICKET_STATUSES.flatMap((from) => TICKET_STATUSES.map((to) => [from, to, table[from][to]] as const));

describe('statusTransition', () => {
  it.each(pairs)('%s -> %s allowed: %s', (from, to, allowed) => {
    const result = statusTransition(from, to);
    expect(result.ok).toBe(allowed);
    if (!result.ok) expect(result.userMessage).toMatch(/cannot become/);
  });

  it('refuses closed -> pending with a message that says to reopen first', () => {
    expect(statusTransition('CLOSED', 'PENDING')).toEqual({ ok: false, userMessage: 'A closed ticket cannot become pending: reopen it first.' });
  });

  it('refuses going back to new with a message that suggests open', () => {
    expect(statusTransition('PENDING', 'NEW')).toEqual({ ok: false, userMessage: 'A pending ticket cannot become new again: set it to open instead.' });
  });
});

describe('pausesSla and isResolved', () => {
  it.each(TICKET_STATUSES.map((s) => [s, s === 'PENDING', s === 'RESOLVED' || s === 'CLOSED'] as const))('%s pauses: %s, resolved: %s', (status, pauses, resolved) => {
    expect(pausesSla(status)).toBe(pauses);
    expect(isResolved(status)).toBe(resolved);
  });
});
