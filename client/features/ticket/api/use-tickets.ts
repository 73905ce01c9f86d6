import { keepPreviousData } from '@tanstack/react-query';
import { trpc } from '../../../lib/trpc.ts';
import type { TicketFilter } from './ticket-list.ts';

export const TICKET_PAGE_SIZE = 50;

/**
 * One filtered, sorted ticket list, page by page (keyset cursors, real totals from the server).
 * Patched live by use-ticket-events; a new filter keeps the old rows on screen until it loads.
 */
export const useTickets = (filter: TicketFilter) =>
  trpc.ticket.list.useInfiniteQuery(
    { ...filter, limit: TICKET_PAGE_SIZE },
    { getNextPageParam: (page) => page.nextCursor, placeholderData: keepPreviousData, staleTime: 60_000 },
  );

/** Tags in use in the workspace, for the filter and the tag editor's suggestions. */
export const useTicketTags = () => trpc.ticket.tags.useQuery(undefined, { staleTime: 5 * 60_000 });
