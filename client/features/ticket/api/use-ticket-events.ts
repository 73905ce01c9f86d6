import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { TicketActivityDto, TicketCommentDto, TicketDto } from '../../../../src/contracts/ticket.ts';
import { onTenantEvent } from '../../../lib/event-dispatcher.ts';
import { rereadIfInFlight } from '../../../lib/reread-if-in-flight.ts';
import { getQueryKey } from '@trpc/react-query';
import { trpc } from '../../../lib/trpc.ts';
import { cachedTicketLists, patchDetail } from './ticket-cache.ts';
import { placeTicket, setTotal, type TicketFilter, type TicketListData } from './ticket-list.ts';

const RECOUNT_AFTER_MS = 800;

/**
 * Keeps every cached ticket list and open ticket current from the event stream. Each ticket
 * event carries the full snapshot (fields, SLA clocks and due times, analysis), so rows move,
 * leave or arrive and the detail updates without a refetch; a total the event cannot settle is
 * re-counted with a one-row request. SLA settings are replaced from their events.
 */
export const useTicketEvents = () => {
  const queryClient = useQueryClient();
  const utils = trpc.useUtils();

  useEffect(() => {
    const recounts = new Map<string, ReturnType<typeof setTimeout>>();
    const recount = (key: QueryKey, filter: TicketFilter) => {
      const hash = JSON.stringify(key);
      if (recounts.has(hash)) return;
      recounts.set(
        hash,
        setTimeout(() => {
          recounts.delete(hash);
          utils.client.ticket.list
            .query({ ...filter, limit: 1 })
            .then(({ total }) => queryClient.setQueryData<TicketListData>(key, (data) => data && setTotal(data, total)))
            .catch(() => {
              // The count stays as it was; the next refetch corrects it.
            });
        }, RECOUNT_AFTER_MS),
      );
    };

    const apply = (ticket: TicketDto, opts: { created?: boolean; history?: TicketActivityDto[]; comment?: TicketCommentDto } = {}) => {
      utils.ticket.get.setData({ ticketId: ticket.id }, (detail) => patchDetail(detail, ticket, opts));
      rereadIfInFlight(queryClient, getQueryKey(trpc.ticket.get, { ticketId: ticket.id }, 'query'));
      const meId = utils.auth.me.getData()?.user.id ?? null;
      for (const { key, filter, data } of cachedTicketLists(queryClient)) {
        const result = placeTicket(data, ticket, filter, meId, opts.created ?? false);
        if (result.data !== data) queryClient.setQueryData<TicketListData>(key, result.data);
        if (result.total === 'unknown') recount(key, filter);
      }
    };

    const unsubscribe = onTenantEvent((event) => {
      switch (event.type) {
        case 'ticket.created':
          apply(event.payload.ticket, { created: true });
          // A new tag may have come with it.
          if (event.payload.ticket.tags.length) void utils.ticket.tags.invalidate();
          return;
        case 'ticket.updated':
          apply(event.payload.ticket, { history: event.payload.changes });
          if (event.payload.changes.some((c) => c.field === 'tags')) void utils.ticket.tags.invalidate();
          return;
        case 'ticket.comment_added':
          apply(event.payload.ticket, { comment: event.payload.comment });
          return;
        case 'ticket.sla_at_risk':
        case 'ticket.sla_breached':
        case 'ticket.analysis_updated':
          apply(event.payload.ticket);
          return;
        case 'sla_policy.changed':
          utils.ticket.slaPolicies.setData(undefined, event.payload.policies);
          return;
        case 'business_calendar.changed':
          utils.ticket.businessCalendar.setData(undefined, event.payload.calendar);
          return;
      }
    });
    return () => {
      unsubscribe();
      for (const timer of recounts.values()) clearTimeout(timer);
    };
  }, [queryClient, utils]);
};
