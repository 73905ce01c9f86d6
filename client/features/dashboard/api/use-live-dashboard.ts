import { useEffect } from 'react';
import { trpc } from '../../../lib/trpc.ts';

const RESUBSCRIBE_AFTER_MS = 3_000;

export const viewerTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/**
 * The live operations snapshot, pushed by the server whenever an event moves a number (never
 * polled). A dropped subscription resubscribes; the first snapshot after it is complete.
 */
export const useLiveDashboard = () => {
  const live = trpc.dashboard.live.useSubscription({ timeZone: viewerTimeZone() });
  const { status, reset } = live;
  useEffect(() => {
    if (status !== 'error') return;
    const timer = setTimeout(reset, RESUBSCRIBE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [status, reset]);
  return live;
};
