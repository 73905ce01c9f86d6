import type { QueryClient, QueryKey } from '@tanstack/react-query';

/**
 * For a cache patched from an event: a read of the same data already on its way may have been
 * answered before the event's change and would overwrite the patch (a page just opened has
 * nothing to patch yet). Refetching alone would not do, as React Query joins an in-flight first
 * load instead of replacing it; so that read is dropped and the data read again, after the change
 * committed.
 */
export const rereadIfInFlight = (queryClient: QueryClient, queryKey: QueryKey): void => {
  if (queryClient.isFetching({ queryKey }) === 0) return;
  void queryClient.cancelQueries({ queryKey }).then(() => queryClient.invalidateQueries({ queryKey }));
};
