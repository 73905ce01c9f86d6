import { trpc } from '../../../lib/trpc.ts';

export const THREAD_PAGE_SIZE = 50;

/** A thread's messages, newest page first; "next page" means older messages. */
export const threadInput = (conversationId: string) => ({ conversationId, limit: THREAD_PAGE_SIZE });

export const useThread = (conversationId: string) =>
  trpc.conversation.messages.useInfiniteQuery(threadInput(conversationId), {
    getNextPageParam: (page) => page.olderCursor,
    staleTime: 60_000,
  });
