import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { isUnauthorized } from '../../../lib/errors.ts';
import { dispatchTenantEvent } from '../../../lib/event-dispatcher.ts';
import { endSession } from '../../../lib/session.ts';
import { trpc } from '../../../lib/trpc.ts';
import { setStreaming } from './connection-status.ts';

const RESUBSCRIBE_AFTER_MS = 3_000;

/**
 * The app's one `events.stream` subscription: events go to the dispatcher (each feature patches
 * its own cache), a resync marker refetches everything.
 *
 * Catching up after a drop is the wsLink's job: it resends the last tracked id (an event's seq,
 * or the head from the `ready` marker a fresh subscription opens with) and the server replays
 * from there, in order. The one gap it cannot see is between the page's first queries and the
 * subscription starting, so a subscription that has no position yet refetches once when it starts.
 */
export const useEventStream = () => {
  const queryClient = useQueryClient();
  const hasCursor = useRef(false);

  const subscription = trpc.events.stream.useSubscription(undefined, {
    onStarted: () => {
      setStreaming(true);
      if (!hasCursor.current) void queryClient.invalidateQueries();
    },
    onData: ({ data: item }) => {
      hasCursor.current = true;
      switch (item.kind) {
        case 'events':
          for (const event of item.events) dispatchTenantEvent(event);
          return;
        case 'resync':
          void queryClient.invalidateQueries();
          return;
        case 'ready':
          // Only a position to resume from; the wsLink keeps its id.
          return;
      }
    },
    onError: (err) => {
      setStreaming(false);
      if (isUnauthorized(err)) endSession();
    },
    onComplete: () => setStreaming(false),
  });

  // A subscription the server ended with an error does not come back by itself.
  const { status, error, reset } = subscription;
  useEffect(() => {
    if (status !== 'error' || isUnauthorized(error)) return;
    const timer = setTimeout(() => {
      hasCursor.current = false;
      reset();
    }, RESUBSCRIBE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [status, error, reset]);

  useEffect(() => () => setStreaming(false), []);
};
