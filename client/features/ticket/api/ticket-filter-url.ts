import { SLA_STATES, TICKET_PRIORITIES, TICKET_SORTS, TICKET_STATUSES, type TicketSort } from '../../../../src/contracts/ticket.ts';
import type { TicketFilter } from './ticket-list.ts';

export const UNRESOLVED = ['NEW', 'OPEN', 'PENDING'] as const;

const DEFAULT_SORT: TicketSort = 'sla_due';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const listOf = <T extends string>(raw: string | null, allowed: readonly T[]): T[] =>
  (raw ?? '').split(',').filter((v): v is T => (allowed as readonly string[]).includes(v));

/**
 * The filter lives in the URL (?status=&priority=&assignee=&sla=&tag=&q=&sort=), so a reload or
 * a shared link shows the same list. No status parameter means the unresolved ones; `status=all` all.
 */
export const filterFrom = (params: URLSearchParams): TicketFilter => {
  const status = params.get('status');
  const assignee = params.get('assignee');
  const sort = params.get('sort');
  const q = params.get('q')?.trim();
  const tag = params.get('tag')?.trim().toLowerCase();
  const priority = listOf(params.get('priority'), TICKET_PRIORITIES);
  const slaState = listOf(params.get('sla'), SLA_STATES);
  return {
    status: status === null ? [...UNRESOLVED] : status === 'all' ? undefined : listOf(status, TICKET_STATUSES),
    ...(priority.length ? { priority } : {}),
    ...(assignee === 'me' || assignee === 'unassigned' || (assignee && UUID.test(assignee)) ? { assignee } : {}),
    ...(slaState.length ? { slaState } : {}),
    ...(tag ? { tag } : {}),
    ...(q ? { search: q } : {}),
    sort: (TICKET_SORTS as readonly string[]).includes(sort ?? '') ? (sort as TicketSort) : DEFAULT_SORT,
  };
};

export const paramsFrom = (f: TicketFilter): URLSearchParams => {
  const params = new URLSearchParams();
  const unresolved = f.status?.length === UNRESOLVED.length && UNRESOLVED.every((s) => f.status!.includes(s));
  if (!unresolved) params.set('status', f.status?.length ? f.status.join(',') : 'all');
  if (f.priority?.length) params.set('priority', f.priority.join(','));
  if (f.assignee) params.set('assignee', f.assignee);
  if (f.slaState?.length) params.set('sla', f.slaState.join(','));
  if (f.tag) params.set('tag', f.tag);
  if (f.search) params.set('q', f.search);
  if (f.sort !== DEFAULT_SORT) params.set('sort', f.sort);
  return params;
};

