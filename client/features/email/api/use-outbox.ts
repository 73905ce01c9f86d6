import { trpc } from '../../../lib/trpc.ts';

export const OUTBOX_PAGE_SIZE = 30;

/** Emails that went to the dev outbox (no SendGrid key), newest first. */
export const useOutbox = () =>
  trpc.email.outbox.useInfiniteQuery({ limit: OUTBOX_PAGE_SIZE }, { getNextPageParam: (page) => page.nextCursor, staleTime: 60_000 });
