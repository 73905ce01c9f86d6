import { randomUUID } from 'node:crypto';
import { TRPCClientError } from '@trpc/client';
import { onTestFinished } from 'vitest';
import WebSocket from 'ws';
import { SESSION_COOKIE } from '../../server/auth/lucia.ts';
import type { StreamItem, TenantEvent } from '../../src/contracts/events.ts';
import type { Role } from '../../src/domain/roles.ts';
import { ApiUser } from './api-client.ts';

export const PASSWORD = 'correct horse battery';

export const uniqueEmail = (label = 'user') => `${label}-${randomUUID().slice(0, 12)}@example.test`;

/** A brand-new workspace with its ADMIN signed in through the real API. */
export const createWorkspace = async (baseUrl: string, name = 'Acme') => {
  const admin = new ApiUser(baseUrl);
  const email = uniqueEmail('admin');
  const me = await admin.http.auth.signUp.mutate({ workspaceName: name, name: 'Ada Admin', email, password: PASSWORD });
  return { admin, me, email, tenantId: me.workspace.id };
};

/** Invites and signs in a teammate with `role` through the invite link, as a person would. */
export const addMember = async (baseUrl: string, admin: ApiUser, role: Role, name = `${role.toLowerCase()} member`) => {
  const email = uniqueEmail(role.toLowerCase());
  const { inviteUrl } = await admin.http.team.invite.mutate({ email, role });
  const token = inviteToken(inviteUrl);
  const member = new ApiUser(baseUrl);
  const me = await member.http.auth.acceptInvite.mutate({ token, name, password: PASSWORD });
  return { member, me, email };
};

/** The token part of an invite link. */
export const inviteToken = (inviteUrl: string): string => inviteUrl.split('/invite/')[1]!;

/** A signed-in user of an existing account, e.g. a second browser of the same person. */
export const signIn = async (baseUrl: string, email: string, password = PASSWORD) => {
  const user = new ApiUser(baseUrl);
  const me = await user.http.auth.signIn.mutate({ email, password });
  return { user, me };
};

export type Refusal = {
  code: string;
  appCode: string | null;
  httpStatus: number;
  fieldErrors: Record<string, string[] | undefined> | null;
  message: string;
};

/** The tRPC error `call` was refused with; fails the test if the call succeeded. */
export const refusalOf = async (call: Promise<unknown>): Promise<Refusal> => {
  try {
    await call;
  } catch (err) {
    if (!(err instanceof TRPCClientError) || !err.data) throw err;
    return { ...(err.data as Omit<Refusal, 'message'>), message: err.message };
  }
  throw new Error('expected the call to be refused, but it succeeded');
};

/** Outcomes of calls raced with Promise.allSettled: the winners' values and the losers' refusals. */
export const settle = async <T>(calls: Array<Promise<T>>) => {
  const results = await Promise.allSettled(calls);
  const won = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const lost = await Promise.all(results.flatMap((r) => (r.status === 'rejected' ? [refusalOf(Promise.reject(r.reason))] : [])));
  return { won, lost };
};

/** A raw, non-batched tRPC mutation over HTTP, for asserting on status codes and headers. */
export const postMutation = (baseUrl: string, path: string, input: unknown, headers: Record<string, string> = {}) =>
  fetch(`${baseUrl}/trpc/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(input),
  });

/** `name=value` of the session cookie a response set, its token, and its attributes lower-cased. */
export const sessionCookieOf = (res: Response) => {
  const header = res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!header) throw new Error('response set no session cookie');
  const [pair, ...attributes] = header.split(';').map((p) => p.trim());
  return { pair: pair!, token: pair!.slice(SESSION_COOKIE.length + 1), attributes: attributes.map((a) => a.toLowerCase()) };
};

// A guard against waiting forever, not a latency budget: generous, so a loaded machine only runs slower.
const WAIT_MS = 20_000;

/** Fails after a deadline instead of letting a missing event hang the test until its timeout. */
const withDeadline = <T>(what: string, promise: Promise<T>): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: nothing within ${WAIT_MS} ms`)), WAIT_MS);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
};

/**
 * `user`'s live `events.stream`, from `lastEventId` ('0' replays the whole, fresh, workspace so no
 * event can slip past before the subscription is live). Closed when the test finishes.
 */
export const watchEvents = (user: ApiUser, lastEventId = '0', { waitMs = WAIT_MS }: { waitMs?: number } = {}) => {
  const { client, wsClient } = user.live();
  const items: StreamItem[] = [];
  const waiters = new Set<() => void>();
  let failure: unknown = null;
  const subscription = client.events.stream.subscribe(
    { lastEventId },
    {
      onData: ({ data }) => {
        items.push(data);
        for (const wake of waiters) wake();
      },
      onError: (err) => {
        failure = err;
        for (const wake of waiters) wake();
      },
    },
  );
  const events = () => items.flatMap((i) => (i.kind === 'events' ? i.events : []));
  /** Resolves with the events seen so far once `done(events)` holds; fails after a deadline, listing what arrived. */
  const until = (done: (seen: TenantEvent[]) => boolean): Promise<TenantEvent[]> =>
    new Promise((resolve, reject) => {
      const settleWith = (outcome: () => void) => {
        clearTimeout(timer);
        waiters.delete(check);
        outcome();
      };
      const timer = setTimeout(() => {
        const seen = events().map((e) => `${e.seq}:${e.type}`);
        settleWith(() => reject(new Error(`stream condition not met in ${waitMs} ms; saw: ${seen.join(', ')}`)));
      }, waitMs);
      const check = () => {
        if (failure) settleWith(() => reject(failure));
        else if (done(events())) settleWith(() => resolve(events()));
      };
      waiters.add(check);
      check();
    });
  /** The first event (already seen or still to come) that matches. */
  function next<T extends TenantEvent>(match: (event: TenantEvent) => event is T): Promise<T>;
  function next(match: (event: TenantEvent) => boolean): Promise<TenantEvent>;
  async function next(match: (event: TenantEvent) => boolean): Promise<TenantEvent> {
    return (await until((seen) => seen.some(match))).find(match)!;
  }
  const stop = async () => {
    subscription.unsubscribe();
    await user.close();
  };
  onTestFinished(stop);
  return { items, events, until, next, stop, wsClient };
};

type WsClient = ReturnType<ApiUser['live']>['wsClient'];

/** Resolves with the code of the next server-side close `wsClient` sees (it then tries to reconnect). */
export const nextCloseCode = (wsClient: WsClient) =>
  withDeadline(
    'wsClient close',
    new Promise<number>((resolve) => {
      let done = false;
      const subscription = wsClient.connectionState.subscribe({
        next: (state) => {
          // A close reaches the state as TRPCClientError -> TRPCWebSocketClosedError -> CloseEvent.
          const event = (state.error?.cause as { cause?: { code?: unknown } } | undefined)?.cause;
          if (done || state.state !== 'connecting' || typeof event?.code !== 'number') return;
          done = true;
          resolve(event.code);
          queueMicrotask(() => subscription.unsubscribe());
        },
      });
    }),
  );

/**
 * A raw WebSocket upgrade to `/trpc`: the open socket (terminated when the test finishes), or the
 * HTTP status the upgrade was refused with.
 */
export const upgrade = (baseUrl: string, headers: { cookie?: string; origin?: string }) =>
  new Promise<{ socket: WebSocket; status: 101 } | { socket: null; status: number }>((resolve, reject) => {
    const socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/trpc`, { headers });
    onTestFinished(() => socket.terminate());
    // Kept for the socket's life: an 'error' without a listener would crash the run.
    socket.on('error', reject);
    socket.once('open', () => resolve({ socket, status: 101 }));
    socket.once('unexpected-response', (_req, res) => {
      resolve({ socket: null, status: res.statusCode ?? 0 });
      res.resume();
      socket.terminate();
    });
  });

/** Resolves when `socket` closes, with the close code the server sent. */
export const closed = (socket: WebSocket) =>
  withDeadline(
    'socket close',
    new Promise<{ code: number; reason: string }>((resolve, reject) => {
      if (socket.readyState === WebSocket.CLOSED) reject(new Error('socket already closed; its close code is lost'));
      socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() }));
    }),
  );
