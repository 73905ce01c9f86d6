import { describe, expect, it } from 'vitest';
import { filterFrom, paramsFrom, UNRESOLVED } from './ticket-filter-url.ts';

const from = (query: string) => filterFrom(new URLSearchParams(query));

describe('ticket filter in the URL', () => {
  it('shows unresolved tickets by SLA due when the URL says nothing', () => {
    expect(from('')).toEqual({ status: [...UNRESOLVED], sort: 'sla_due' });
    expect(paramsFrom(from('')).toString()).toBe('');
  });

  it('reads every filter and writes it back the same', () => {
    const query = 'status=PENDING&priority=HIGH%2CURGENT&assignee=me&sla=at_risk%2Cbreached&tag=vip&q=%231042&sort=updated';
    const filter = from(query);
    expect(filter).toEqual({ status: ['PENDING'], priority: ['HIGH', 'URGENT'], assignee: 'me', slaState: ['at_risk', 'breached'], tag: 'vip', search: '#1042', sort: 'updated' });
    expect(paramsFrom(filter).toString()).toBe(query);
  });

  it('means every status with status=all, and an emptied status filter is that too', () => {
    expect(from('status=all').status).toBeUndefined();
    expect(paramsFrom({ status: [], sort: 'sla_due' }).get('status')).toBe('all');
  });

  it('drops values it does not know instead of sending them to the server', () => {
    expect(from('status=BOGUS,OPEN&priority=HUGE&assignee=robert&sort=random&sla=late')).toEqual({ status: ['OPEN'], sort: 'sla_due' });
  });

  it('takes a member id as assignee', () => {
    expect(from('assignee=0b8e2a3c-1d4f-4a5b-9c6d-7e8f9a0b1c2d').assignee).toBe('0b8e2a3c-1d4f-4a5b-9c6d-7e8f9a0b1c2d');
  });
});
