import { describe, expect, it } from 'vitest';
import type { SlaState } from '../sla.ts';
import { clockCompliance, ticketSlaCompliance, type TicketSlaRecord } from './ticket-sla-compliance.ts';

const t0 = new Date('2026-03-02T09:00:00Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const ticket = (over: Partial<TicketSlaRecord> = {}): TicketSlaRecord => ({
  priority: 'NORMAL',
  firstResponse: 'running',
  resolution: 'running',
  createdAt: t0,
  firstRespondedAt: null,
  resolvedAt: null,
  ...over,
});

describe('clockCompliance', () => {
  it.each<[SlaState[], { met: number; breached: number; open: number; untracked: number; compliance: number | null }]>([
    [[], { met: 0, breached: 0, open: 0, untracked: 0, compliance: null }],
    [['met'], { met: 1, breached: 0, open: 0, untracked: 0, compliance: 1 }],
    [['breached'], { met: 0, breached: 1, open: 0, untracked: 0, compliance: 0 }],
    [['met', 'met', 'met', 'breached'], { met: 3, breached: 1, open: 0, untracked: 0, compliance: 0.75 }],
    // Clocks still counting do not move compliance either way; neither do tickets without a target.
    [['running', 'at_risk', 'paused', 'none'], { met: 0, breached: 0, open: 3, untracked: 1, compliance: null }],
    [['met', 'running', 'none', 'breached', 'paused'], { met: 1, breached: 1, open: 2, untracked: 1, compliance: 0.5 }],
  ])('%j → %j', (states, expected) => {
    expect(clockCompliance(states)).toEqual(expected);
  });
});

describe('ticketSlaCompliance', () => {
  it('is empty-safe: no tickets, no rates, no medians, no priority rows', () => {
    expect(ticketSlaCompliance([])).toEqual({
      tickets: 0,
      firstResponse: { met: 0, breached: 0, open: 0, untracked: 0, compliance: null },
      resolution: { met: 0, breached: 0, open: 0, untracked: 0, compliance: null },
      firstResponseMedianMs: null,
      resolutionMedianMs: null,
      byPriority: [],
    });
  });

  it('counts each clock on its own: a ticket answered late but resolved in time is one breach and one met', () => {
    const r = ticketSlaCompliance([ticket({ firstResponse: 'breached', resolution: 'met', firstRespondedAt: at(90), resolvedAt: at(240) })]);
    expect(r.firstResponse).toMatchObject({ met: 0, breached: 1, compliance: 0 });
    expect(r.resolution).toMatchObject({ met: 1, breached: 0, compliance: 1 });
  });

  it('takes wall-clock medians (lower middle) over tickets that reached the milestone only', () => {
    const r = ticketSlaCompliance([
      ticket({ firstRespondedAt: at(10), resolvedAt: at(100) }),
      ticket({ firstRespondedAt: at(30) }),
      ticket({ firstRespondedAt: at(20), resolvedAt: at(300) }),
      ticket({ firstRespondedAt: at(40) }),
      ticket(),
    ]);
    expect(r.firstResponseMedianMs).toBe(20 * 60_000);
    expect(r.resolutionMedianMs).toBe(100 * 60_000);
  });

  it('breaks down by priority, most urgent first, leaving out priorities with no tickets', () => {
    const r = ticketSlaCompliance([
      ticket({ priority: 'LOW', firstResponse: 'met' }),
      ticket({ priority: 'URGENT', firstResponse: 'breached', resolution: 'breached' }),
      ticket({ priority: 'URGENT', firstResponse: 'met', resolution: 'paused' }),
      ticket({ priority: 'LOW', firstResponse: 'none', resolution: 'none' }),
    ]);
    expect(r.byPriority.map((p) => [p.priority, p.tickets, p.firstResponse.compliance, p.resolution.open])).toEqual([
      ['URGENT', 2, 0.5, 1],
      ['LOW', 2, 1, 1],
    ]);
    expect(r.tickets).toBe(4);
    expect(r.firstResponse).toEqual({ met: 2, breached: 1, open: 0, untracked: 1, compliance: 2 / 3 });
  });
});
