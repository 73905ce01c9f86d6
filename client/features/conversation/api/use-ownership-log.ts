import { useQuery, useQueryClient } from '@tanstack/react-query';
import { trpc } from '../../../lib/trpc.ts';
import { entryOf, logKey, mergeOwnershipEntries, type OwnershipEntry } from './ownership-log.ts';

/** The server's ownership history, merged with changes the event stream adds while you watch. */
export const useOwnershipLog = (conversationId: string) => {
  const queryClient = useQueryClient();
  const utils = trpc.useUtils();
  return (
    useQuery({
      queryKey: logKey(conversationId),
      queryFn: async () => {
        const history = await utils.conversation.ownershipHistory.fetch({ conversationId });
        const live = queryClient.getQueryData<OwnershipEntry[]>(logKey(conversationId)) ?? [];
        return mergeOwnershipEntries(live, history.map((h) => entryOf(conversationId, h.at, h.change)));
      },
      staleTime: Infinity,
    }).data ?? []
  );
};
