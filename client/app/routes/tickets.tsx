import { useCallback, useMemo } from 'react';
import { useOutletContext, useSearchParams } from 'react-router';
import type { MeDto } from '../../../src/contracts/dto.ts';
import { PanelBoundary } from '../../components/panel-boundary.tsx';
import { useMembers } from '../../features/team/api/use-members.ts';
import { filterFrom, paramsFrom } from '../../features/ticket/api/ticket-filter-url.ts';
import type { TicketFilter } from '../../features/ticket/api/ticket-list.ts';
import { TicketListView } from '../../features/ticket/components/ticket-list-view.tsx';

export function TicketsRoute() {
  const me = useOutletContext<MeDto>();
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => filterFrom(params), [params]);
  const members = useMembers();
  const teammates = useMemo(() => (members.data ?? []).filter((m) => m.status === 'ACTIVE').map(({ id, name }) => ({ id, name })), [members.data]);
  const onFilterChange = useCallback((next: TicketFilter) => setParams(paramsFrom(next), { replace: true }), [setParams]);
  const onReset = useCallback(() => setParams(new URLSearchParams(), { replace: true }), [setParams]);
  const isDefault = paramsFrom(filter).toString() === '';
  return (
    <PanelBoundary>
      <TicketListView filter={filter} onFilterChange={onFilterChange} onReset={onReset} isDefault={isDefault} teammates={teammates} meId={me.user.id} />
    </PanelBoundary>
  );
}
