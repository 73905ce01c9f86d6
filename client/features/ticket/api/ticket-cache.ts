import type { QueryClient } from '@tanstack/react-query';
import { getQueryKey } from '@trpc/react-query';
import type { TicketActivityDto, TicketCommentDto, TicketDetailDto, TicketDto } from '../../../../src/contracts/ticket.ts';
import { trpc } from '../../../lib/trpc.ts';
import type { TicketFilter, TicketListData } from './ticket-list.ts';

export const TICKET_LIST_KEY = getQueryKey(trpc.ticket.list);

type ListKey = [readonly string[], { input?: TicketFilter & { limit?: number }; type?: string }];

/** Every cached ticket list with the filter it was asked for. */
export const cachedTicketLists = (queryClient: QueryClient) =>
  queryClient
    .getQueryCache()
    .findAll({ queryKey: TICKET_LIST_KEY })
    .flatMap((query) => {
      const [, meta] = query.queryKey as unknown as ListKey;
      const data = query.state.data as TicketListData | undefined;
      return meta?.type === 'infinite' && meta.input && data ? [{ key: query.queryKey, filter: meta.input, data }] : [];
    });

const byId = <T extends { id: string; createdAt: string }>(list: T[], more: T[]): T[] => {
  const known = new Set(list.map((x) => x.id));
  const added = more.filter((x) => !known.has(x.id));
  if (added.length === 0) return list;
  return [...list, ...added].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
};

/**
 * Folds a ticket snapshot (and the history lines or comment that came with it) into a cached
 * detail. Events arrive in order, so their snapshot always wins; a mutation's answer may be
 * older than an event that overtook it, so `onlyIfNewer` keeps the newer one.
 */
export const patchDetail = (
  detail: TicketDetailDto | undefined,
  ticket: TicketDto,
  extra: { history?: TicketActivityDto[]; comment?: TicketCommentDto; onlyIfNewer?: boolean } = {},
): TicketDetailDto | undefined => {
  if (!detail) return detail;
  const older = extra.onlyIfNewer && Date.parse(ticket.updatedAt) < Date.parse(detail.ticket.updatedAt);
  return {
    ...detail,
    ticket: older ? detail.ticket : ticket,
    history: extra.history?.length ? byId(detail.history, extra.history) : detail.history,
    comments: extra.comment ? byId(detail.comments, [extra.comment]) : detail.comments,
  };
};
