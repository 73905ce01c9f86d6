import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { getQueryKey } from '@trpc/react-query';
import { useState, type ReactNode } from 'react';
import { isRetryable, isUnauthorized, procedurePathOf } from '../lib/errors.ts';
import { endSession, onSessionEnded, SESSIONLESS_PROCEDURES } from '../lib/session.ts';
import { createTrpcClient, trpc, wsClient } from '../lib/trpc.ts';
import { router } from './router.tsx';

/** Any signed-in call answered UNAUTHORIZED means the session is gone (expired, revoked, deactivated). */
const onApiError = (err: unknown) => {
  const path = procedurePathOf(err);
  if (isUnauthorized(err) && !(path && SESSIONLESS_PROCEDURES.has(path))) endSession();
};

export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onApiError }),
  mutationCache: new MutationCache({ onError: onApiError }),
  defaultOptions: {
    queries: {
      // The event stream keeps cached data current; refetching is the fallback, not the mechanism.
      staleTime: 60_000,
      retry: (failures, err) => isRetryable(err) && failures < 2,
    },
    mutations: { retry: false },
  },
});

const meKey = getQueryKey(trpc.auth.me, undefined, 'query');

let ending = false;
onSessionEnded(() => {
  if (ending) return;
  ending = true;
  // Someone who never had a session here just needs to sign in; someone who did is told why.
  const hadSession = queryClient.getQueryData(meKey) !== undefined;
  const from = router.state.location.pathname;
  void wsClient.close();
  // The sign-in page drops the cached data once the signed-in pages are gone; clearing now would
  // make their still-mounted queries refetch with the dead cookie.
  void router
    .navigate('/signin', { replace: true, state: { from, ...(hadSession ? { notice: 'session-ended' } : {}) } })
    .finally(() => {
      ending = false;
    });
});

export function Providers({ children }: { children: ReactNode }) {
  const [trpcClient] = useState(createTrpcClient);
  return (
    <trpc.Provider client={trpcClient} queryClient={queryClient}>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </trpc.Provider>
  );
}
