import { trpc } from '../../../lib/trpc.ts';

export const TIMELINE_PAGE_SIZE = 30;
export const timelineInput = (contactId: string) => ({ contactId, limit: TIMELINE_PAGE_SIZE });

/** A contact's timeline, newest first, page by page; patched live by use-contact-events. */
export const useTimeline = (contactId: string) =>
  trpc.contact.timeline.useInfiniteQuery(timelineInput(contactId), { getNextPageParam: (page) => page.nextCursor, staleTime: 60_000 });
