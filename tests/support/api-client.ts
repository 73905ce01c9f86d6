import { createTRPCClient, createWSClient, httpBatchLink, splitLink, wsLink, type TRPCClient } from '@trpc/client';
import WebSocket from 'ws';
import type { AppRouter } from '../../server/trpc/app-router.ts';

/** A signed-in (or not) API user as a browser would be: one cookie jar, HTTP for calls, a WebSocket for streams. */
export class ApiUser {
  cookie = '';
  readonly http: TRPCClient<AppRouter>;
  private sockets: Array<ReturnType<typeof createWSClient>> = [];

  constructor(readonly baseUrl: string, readonly origin: string | null = null) {
    this.http = createTRPCClient<AppRouter>({
      links: [httpBatchLink({ url: `${baseUrl}/trpc`, fetch: (url, init) => this.fetch(url, init) })],
    });
  }

  private async fetch(url: URL | RequestInfo, init?: RequestInit): Promise<Response> {
    const headers = new Headers(init?.headers);
    if (this.cookie) headers.set('cookie', this.cookie);
    if (this.origin) headers.set('origin', this.origin);
    const res = await fetch(url, { ...init, headers });
    for (const setCookie of res.headers.getSetCookie()) {
      const [pair] = setCookie.split(';');
      if (!pair) continue;
      const value = pair.slice(pair.indexOf('=') + 1);
      this.cookie = value ? pair : '';
    }
    return res;
  }

  /** A client whose subscriptions ride a WebSocket authenticated by this user's cookie. */
  /** `connectionParams`: the client sends (empty) connection params first, which the server leaves to tRPC's adapter. */
  live(opts: { retryDelayMs?: number; connectionParams?: boolean } = {}) {
    // Read at every (re)connect, as a browser sends its current cookie jar.
    const user = this;
    const origin = this.origin ?? this.baseUrl;
    class CookieWebSocket extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        super(address, protocols, { headers: { cookie: user.cookie, origin } });
      }
    }
    const wsClient = createWSClient({
      url: `${this.baseUrl.replace(/^http/, 'ws')}/trpc`,
      WebSocket: CookieWebSocket as unknown as typeof globalThis.WebSocket,
      retryDelayMs: () => opts.retryDelayMs ?? 50,
      ...(opts.connectionParams ? { connectionParams: {} } : {}),
    });
    this.sockets.push(wsClient);
    const client = createTRPCClient<AppRouter>({
      links: [
        splitLink({
          condition: (op) => op.type === 'subscription',
          true: wsLink({ client: wsClient }),
          false: httpBatchLink({ url: `${this.baseUrl}/trpc`, fetch: (url, init) => this.fetch(url, init) }),
        }),
      ],
    });
    return { client, wsClient };
  }

  async close(): Promise<void> {
    await Promise.all(this.sockets.map((s) => s.close()));
    this.sockets = [];
  }
}
