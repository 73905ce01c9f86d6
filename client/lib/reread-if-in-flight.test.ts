import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { readAgainAfterInFlight } from './reread-if-in-flight.ts';

/** A query whose reads the test answers by hand, watched by an observer as a mounted page watches it. */
const setup = () => {
  const queryClient = new QueryClient();
  const queryKey = ['email.get', { emailId: 'e1' }];
  const reads: Array<(value: string) => void> = [];
  let readStarted: (() => void) | null = null;
  const observer = new QueryObserver<string>(queryClient, {
    queryKey,
    queryFn: () =>
      new Promise<string>((resolve) => {
        reads.push(resolve);
        readStarted?.();
      }),
  });
  const unsubscribe = observer.subscribe(() => {});
  const nextRead = (n: number) =>
    reads.length >= n ? Promise.resolve() : new Promise<void>((resolve) => (readStarted = () => reads.length >= n && resolve()));
  const settled = () => new Promise<void>((resolve) => queryClient.getQueryCache().subscribe((e) => e.type === 'updated' && e.action.type === 'success' && resolve()));
  return { queryClient, queryKey, reads, nextRead, settled, unsubscribe };
};

describe('readAgainAfterInFlight', () => {
  it('lets the first read on its way land, then reads again, so what an event changed meanwhile is shown', async () => {
    const { queryClient, queryKey, reads, nextRead, settled, unsubscribe } = setup();
    await nextRead(1);
    // An event patches the page while its first read, answered before the change, is on its way.
    queryClient.setQueryData(queryKey, 'SENT (from the event)');
    readAgainAfterInFlight(queryClient, queryKey);
    reads[0]!('QUEUED (read before the change)');
    await nextRead(2);
    const landed = settled();
    reads[1]!('SENT (read again)');
    await landed;
    expect(queryClient.getQueryData(queryKey)).toBe('SENT (read again)');
    expect(reads).toHaveLength(2);
    unsubscribe();
  });

  it('reads nothing more when no read is on its way', async () => {
    const { queryClient, queryKey, reads, nextRead, settled, unsubscribe } = setup();
    await nextRead(1);
    const landed = settled();
    reads[0]!('QUEUED');
    await landed;
    queryClient.setQueryData(queryKey, 'SENT (from the event)');
    readAgainAfterInFlight(queryClient, queryKey);
    expect(queryClient.isFetching({ queryKey })).toBe(0);
    expect(queryClient.getQueryData(queryKey)).toBe('SENT (from the event)');
    expect(reads).toHaveLength(1);
    unsubscribe();
  });
});
