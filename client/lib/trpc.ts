import { createWSClient, httpBatchLink, httpLink, splitLink, wsLink, type TRPCWebSocketClient } from '@trpc/client';
import { createTRPCReact } from '@trpc/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../server/trpc/app-router.ts';
import { endSession } from './session.ts';

export const trpc = createTRPCReact<AppRouter>();

export type RouterOutputs = inferRouterOutputs<AppRouter>;

/** The server closes a socket with 4401 when its session is revoked (deactivation, sign-out elsewhere). */
const SESSION_REVOKED = 4401;

// Same origin as the page, so it works behind any proxy; the session cookie rides the upgrade,
// never a token in the URL.
const sameOriginSocketUrl = () => `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/trpc`;

const onSocketClosed = (cause?: { code?: number }) => {
  if (cause?.code !== SESSION_REVOKED) return;
  // Stop here: reconnecting with a dead cookie only collects 401s.
  void wsClient.close();
  endSession();
};

/**
 * One socket for the app, opened while a subscription runs (lazy) and closed when none does.
 * On reconnect the wsLink resends the last tracked event id, and the server replays what was missed.
 */
export const wsClient: TRPCWebSocketClient = createWSClient({
  url: sameOriginSocketUrl,
  lazy: { enabled: true, closeMs: 0 },
  // Notices a silently dead connection (laptop sleep, Wi-Fi switch) well before TCP does.
  keepAlive: { enabled: true, intervalMs: 15_000, pongTimeoutMs: 5_000 },
  retryDelayMs: (attempt) => Math.min(500 * 2 ** attempt, 10_000),
  onClose: onSocketClosed,
});

export const createTrpcClient = () =>
  trpc.createClient({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: wsLink({ client: wsClient }),
        // Background calls (presence heartbeats) travel alone: a batch answers when its slowest call
        // does, and a user's action must never wait for, or fail with, a heartbeat.
        false: splitLink({
          condition: (op) => op.context.skipBatch === true,
          true: httpLink({ url: '/trpc' }),
          false: httpBatchLink({ url: '/trpc', maxURLLength: 2000 }),
        }),
      }),
    ],
  });
