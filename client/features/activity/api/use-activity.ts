import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ActivityEntry } from './activity-entry.ts';

/**
 * The feed lives in the query cache like all server data, but only the stream writes it: the
 * server has no activity query yet, so it holds what arrived since this tab signed in.
 */
export const ACTIVITY_KEY = ['activity', 'recent'] as const;
export const ACTIVITY_LIMIT = 50;

export const useActivity = () => {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: ACTIVITY_KEY,
    // A resync "refetch" keeps what we have: there is nothing to ask the server for.
    queryFn: () => queryClient.getQueryData<ActivityEntry[]>(ACTIVITY_KEY) ?? [],
    initialData: [] as ActivityEntry[],
    staleTime: Infinity,
    gcTime: Infinity,
  });
};
