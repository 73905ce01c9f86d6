import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';

/**
 * Signed-out pages (sign-in, sign-up, invite) forget what an earlier session cached in this tab,
 * so a new session never shows another account's lists. Only queries nobody on screen uses are
 * dropped: removing one a mounted component still reads would make it refetch.
 */
export const useForgetPreviousSession = () => {
  const queryClient = useQueryClient();
  useEffect(() => {
    queryClient.removeQueries({ predicate: (query) => query.getObserversCount() === 0 });
  }, [queryClient]);
};
