import { trpc } from '../../../lib/trpc.ts';

/**
 * Drafts still worth using, newest first: suggestions and AI replies a takeover stopped.
 * Refetched by use-conversation-events on `draft.created` and on new customer messages (which make
 * older drafts stale on the server).
 */
export const useAiDrafts = (conversationId: string, { enabled }: { enabled: boolean }) =>
  trpc.aiDraft.list.useQuery({ conversationId }, { enabled, staleTime: 60_000 });
