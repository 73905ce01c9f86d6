import { describe, expect, it } from 'vitest';
import type { TicketDto } from '../../../../src/contracts/ticket.ts';
import { compareTickets, flattenTickets, matchesTicket, placeTicket, type TicketFilter, type TicketListData } from './ticket-list.ts';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 23, 12, minute)).toISOString();
const clock = { state: 'running' as const, dueAt: null, atRiskAt: null, elapsedMinutes: 0, targetMinutes: 60 };

const ticket = (number: number, minute: number, extra: Partial<TicketDto> = {}): TicketDto => ({
  id: `t-${number}`,
  number,
  subject: `Printer ${number} is on fire`,
  description: '',
  status: 'OPEN',
  priority: 'NORMAL',
  assignee: null,
  contact: null,
  conversationId: null,
  tags: [],
  sla: { state: 'running', dueAt: at(minute + 60), firstResponse: clock, resolution: clock },
  slaVersion: 1,
  analysis: { status: 'IDLE', result: null, error: null, analysedAt: null },
  createdBy: null,
  firstRespondedAt: null,
  resolvedAt: null,
  commentCount: 0,
  createdAt: at(minute),
  updatedAt: at(minute),
  ...extra,
});

const list = (total: number, more: boolean, ...items: TicketDto[]): TicketListData => ({
  pages: [{ items, nextCursor: more ? 'c1' : null, total }],
  pageParams: [null],
});
const numbers = (data: TicketListData) => flattenTickets(data).map((t) => t.number);
const updated: TicketFilter = { sort: 'updated' };

describe('matchesTicket', () => {
  it.each<[string, Partial<TicketDto>, Partial<TicketFilter>, boolean]>([
    ['no filter', {}, {}, true],
    ['status in the set', { status: 'PENDING' }, { status: ['NEW', 'PENDING'] }, true],
    ['status outside it', { status: 'CLOSED' }, { status: ['NEW', 'PENDING'] }, false],
    ['priority', { priority: 'URGENT' }, { priority: ['HIGH'] }, false],
    ['mine', { assignee: { id: 'me', name: 'Me' } }, { assignee: 'me' }, true],
    ['mine, someone else’s', { assignee: { id: 'x', name: 'X' } }, { assignee: 'me' }, false],
    ['unassigned', {}, { assignee: 'unassigned' }, true],
    ['a member', { assignee: { id: 'x', name: 'X' } }, { assignee: 'x' }, true],
    ['sla state', { sla: { state: 'breached', dueAt: null, firstResponse: clock, resolution: clock } }, { slaState: ['at_risk'] }, false],
    ['tag, any case', { tags: ['billing'] }, { tag: 'Billing' }, true],
    ['search subject', {}, { search: 'ON FIRE' }, true],
    ['search number with #', {}, { search: '#7' }, true],
    ['search another number', {}, { search: '1234' }, false],
    ['search text that misses', {}, { search: 'refund' }, false],
  ])('%s', (_name, extra, filter, expected) => {
    expect(matchesTicket(ticket(7, 0, extra), { sort: 'updated', ...filter }, 'me')).toBe(expected);
  });
});

describe('compareTickets', () => {
  it('sorts by SLA due soonest first, tickets without a running clock last', () => {
    const none = ticket(3, 0, { sla: { state: 'none', dueAt: null, firstResponse: clock, resolution: clock } });
    const rows = [none, ticket(2, 30), ticket(1, 10)].sort((a, b) => compareTickets(a, b, 'sla_due'));
    expect(rows.map((t) => t.number)).toEqual([1, 2, 3]);
  });

  it('sorts by priority, highest first', () => {
    const rows = [ticket(1, 0), ticket(2, 0, { priority: 'URGENT' }), ticket(3, 0, { priority: 'LOW' })].sort((a, b) => compareTickets(a, b, 'priority'));
    expect(rows.map((t) => t.number)).toEqual([2, 1, 3]);
  });
});

describe('placeTicket', () => {
  it('replaces a row in place when its position holds', () => {
    const data = list(3, false, ticket(3, 30), ticket(2, 20), ticket(1, 10));
    const next = placeTicket(data, ticket(2, 20, { subject: 'Renamed' }), updated, 'me', false);
    expect(numbers(next.data)).toEqual([3, 2, 1]);
    expect(flattenTickets(next.data)[1]!.subject).toBe('Renamed');
    expect(next.total).toBe(0);
  });

  it('moves an updated ticket to the top of a list sorted by update', () => {
    const data = list(3, false, ticket(3, 30), ticket(2, 20), ticket(1, 10));
    const next = placeTicket(data, ticket(1, 10, { updatedAt: at(40) }), updated, 'me', false);
    expect(numbers(next.data)).toEqual([1, 3, 2]);
  });

  it('orders ties on SLA due by number, oldest first, as the server does', () => {
    const data = list(2, false, ticket(1, 10), ticket(3, 10));
    expect(numbers(placeTicket(data, ticket(2, 10), { sort: 'sla_due' }, 'me', true).data)).toEqual([1, 2, 3]);
  });

  it('takes out a ticket that no longer matches and counts it', () => {
    const data = list(9, true, ticket(3, 30), ticket(2, 20));
    const next = placeTicket(data, ticket(2, 20, { status: 'CLOSED' }), { sort: 'updated', status: ['OPEN'] }, 'me', false);
    expect(numbers(next.data)).toEqual([3]);
    expect(next.data.pages[0]!.total).toBe(8);
  });

  it('brings in a new ticket and counts it', () => {
    const data = list(9, true, ticket(3, 30));
    const next = placeTicket(data, ticket(4, 40), updated, 'me', true);
    expect(numbers(next.data)).toEqual([4, 3]);
    expect(next.data.pages[0]!.total).toBe(10);
  });

  it('cannot tell the total when an unloaded ticket changes and more pages exist', () => {
    const data = list(9, true, ticket(3, 30));
    expect(placeTicket(data, ticket(1, 10, { updatedAt: at(50) }), updated, 'me', false).total).toBe('unknown');
    expect(placeTicket(data, ticket(1, 10, { status: 'CLOSED' }), { sort: 'updated', status: ['OPEN'] }, 'me', false).total).toBe('unknown');
  });

  it('knows the total when every page is loaded', () => {
    const data = list(1, false, ticket(3, 30));
    expect(placeTicket(data, ticket(1, 10, { status: 'CLOSED' }), { sort: 'updated', status: ['OPEN'] }, 'me', false)).toEqual({ data, total: 0 });
    expect(placeTicket(data, ticket(1, 10), updated, 'me', false).data.pages[0]!.total).toBe(2);
  });

  it('moves a ticket whose priority changed in a list sorted by SLA due', () => {
    const data = list(3, false, ticket(1, 10), ticket(2, 20), ticket(3, 30));
    const sooner = ticket(3, 30, { priority: 'URGENT', sla: { state: 'running', dueAt: at(0), firstResponse: clock, resolution: clock } });
    expect(numbers(placeTicket(data, sooner, { sort: 'sla_due' }, 'me', false).data)).toEqual([3, 1, 2]);
  });
});
