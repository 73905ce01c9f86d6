import { useMemo } from 'react';
import { useOutletContext, useParams } from 'react-router';
import type { MeDto } from '../../../src/contracts/dto.ts';
import { TicketIcon } from '../../components/icons.tsx';
import { PanelBoundary } from '../../components/panel-boundary.tsx';
import { EmptyState } from '../../components/states.tsx';
import { useMembers } from '../../features/team/api/use-members.ts';
import { TicketDetail } from '../../features/ticket/components/ticket-detail.tsx';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function TicketRoute() {
  const me = useOutletContext<MeDto>();
  const { ticketId = '' } = useParams();
  const members = useMembers();
  const teammates = useMemo(() => (members.data ?? []).filter((m) => m.status === 'ACTIVE').map(({ id, name }) => ({ id, name })), [members.data]);
  if (!UUID.test(ticketId)) {
    return (
      <EmptyState title="Ticket not found" icon={<TicketIcon />}>
        This link doesn’t point to a ticket.
      </EmptyState>
    );
  }
  return (
    <PanelBoundary key={ticketId}>
      <TicketDetail ticketId={ticketId} meId={me.user.id} teammates={teammates} conversationHref={(id) => `/inbox/${id}`} />
    </PanelBoundary>
  );
}
