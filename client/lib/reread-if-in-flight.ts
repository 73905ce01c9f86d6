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

/**
 * The same guard without cancelling, for pages whose patches must survive: a cancelled first load
 * reverts the cache to what it held before the load began, patches made meanwhile included.
 * Here the read on its way lands (it may briefly show what it read before the change) and the
 * data is read once more as soon as it has.
 */
export const readAgainAfterInFlight = (queryClient: QueryClient, queryKey: QueryKey): void => {
  const query = queryClient.getQueryCache().find({ queryKey, exact: true });
  if (!query || query.state.fetchStatus !== 'fetching') return;
  const stop = queryClient.getQueryCache().subscribe((event) => {
    if (event.query !== query || event.type !== 'updated' || (event.action.type !== 'success' && event.action.type !== 'error')) return;
    stop();
    void queryClient.invalidateQueries({ queryKey, exact: true });
  });
};
