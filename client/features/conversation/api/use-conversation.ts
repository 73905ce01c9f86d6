import { trpc } from '../../../lib/trpc.ts';

/** One conversation with its channel and 24-hour window. Patched live by use-conversation-events. */
export const useConversation = (conversationId: string) => trpc.conversation.get.useQuery({ conversationId }, { staleTime: 60_000 });
