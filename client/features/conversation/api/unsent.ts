import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';

/**
 * Replies the server did not accept (offline, window closed, refused). Kept per conversation in
 * the query cache with the client id they were sent with, so a retry is the same message to the
 * server (idempotent) and never a second copy.
 */
export type UnsentMessage = { id: string; conversationId: string; body: string; error: string };

const unsentKey = (conversationId: string) => ['conversation', 'unsent', conversationId] as const;

export const addUnsent = (queryClient: QueryClient, message: UnsentMessage) =>
  queryClient.setQueryData<UnsentMessage[]>(unsentKey(message.conversationId), (list = []) => [...list.filter((m) => m.id !== message.id), message]);

export const dropUnsent = (queryClient: QueryClient, conversationId: string, id: string) =>
  queryClient.setQueryData<UnsentMessage[]>(unsentKey(conversationId), (list) => list?.filter((m) => m.id !== id));

export const useUnsent = (conversationId: string) => {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: unsentKey(conversationId),
    // Only this tab writes it: a refetch keeps what is there.
    queryFn: () => queryClient.getQueryData<UnsentMessage[]>(unsentKey(conversationId)) ?? [],
    initialData: [] as UnsentMessage[],
    staleTime: Infinity,
    gcTime: Infinity,
  }).data;
};
