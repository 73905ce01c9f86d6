import { keepPreviousData } from '@tanstack/react-query';
import { trpc } from '../../../lib/trpc.ts';
import type { InboxFilter } from './inbox-list.ts';

export const INBOX_PAGE_SIZE = 50;

/**
 * One filtered inbox, page by page (keyset cursors from the server). Patched live by
 * use-inbox-events; while a new filter loads, the previous rows stay on screen instead of a flash.
 */
export const useInbox = (filter: InboxFilter) =>
  trpc.conversation.list.useInfiniteQuery(
    { ...filter, limit: INBOX_PAGE_SIZE },
    {
      getNextPageParam: (page) => page.nextCursor,
      placeholderData: keepPreviousData,
      staleTime: 60_000,
    },
  );
