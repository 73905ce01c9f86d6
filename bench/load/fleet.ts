/**
 * A subscriber fleet in its own process, driven over IPC by bench/run.ts: N screens watching one
 * tenant. `trpc` subscribers are what a browser runs (the real tRPC client, `createWSClient` +
 * `wsLink`, one WebSocket each, `events.stream`); `raw` subscribers are plain `ws` clients of the
 * baseline. Every bench message carries its id and scheduled send time in its text
 * (`bench <tag> <id> <ms>`), so latency is receive time − send time and each (subscriber,
 * message) delivery is counted once: missing and duplicate deliveries are both visible.
 */
import { createTRPCClient, createWSClient, wsLink } from '@trpc/client';
import WebSocket from 'ws';
import type { StreamItem } from '../../src/contracts/events.ts';
import type { AppRouter } from '../../server/trpc/app-router.ts';
import type { FloorRouter } from '../floor/server.ts';
import { Histogram, nowMs } from '../support/histogram.ts';
import { memoryAfterGc, serveIpc } from '../support/ipc.ts';

type Subscriber = { seen: Uint8Array; lastSeq: number; events: number; gaps: number; started?: boolean; reached?: boolean; close: () => void };

const subscribers: Subscriber[] = [];
let phase = { tag: '', max: 0 };
let hist = new Histogram();
let received = 0;
let duplicates = 0;
let stale = 0;

const onBody = (sub: Subscriber, body: string) => {
  const at = nowMs();
  const parts = body.split(' ');
  if (parts[0] !== 'bench') return;
  if (parts[1] !== phase.tag) {
    stale++;
    return;
  }
  const id = Number(parts[2]);
  if (!(id >= 0 && id < phase.max)) return;
  if (sub.seen[id]) {
    duplicates++;
    return;
  }
  sub.seen[id] = 1;
  received++;
  hist.record(at - Number(parts[3]));
};

const onSeq = (sub: Subscriber, seq: number) => {
  if (sub.lastSeq >= 0 && seq !== sub.lastSeq + 1) sub.gaps++;
  sub.lastSeq = seq;
  sub.events++;
};

type TrpcOptions = {
  url: string;
  cookie: string;
  origin: string;
  lastEventId?: string | null;
  onProgress?: (sub: Subscriber) => void;
  /** Called at once with the (not yet connected) subscriber, and on every stream error. */
  onCreated?: (sub: Subscriber) => void;
  onFailed?: (err: unknown) => void;
};

/** One browser-like screen; resolves once the stream has answered (ready marker or first event). */
const addTrpcSubscriber = (opts: TrpcOptions): Promise<Subscriber> =>
  new Promise((resolve, reject) => {
    class CookieWebSocket extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        super(address, protocols, { headers: { cookie: opts.cookie, origin: opts.origin } });
      }
    }
    const wsClient = createWSClient({
      url: `${opts.url.replace(/^http/, 'ws')}/trpc`,
      WebSocket: CookieWebSocket as unknown as typeof globalThis.WebSocket,
      retryDelayMs: () => 500,
    });
    const client = createTRPCClient<AppRouter>({ links: [wsLink({ client: wsClient })] });
    let settled = false;
    const sub: Subscriber = {
      seen: new Uint8Array(phase.max),
      lastSeq: opts.lastEventId ? Number(opts.lastEventId) : -1,
      events: 0,
      gaps: 0,
      close: () => {
        subscription.unsubscribe();
        void wsClient.close();
      },
    };
    const subscription = client.events.stream.subscribe(opts.lastEventId ? { lastEventId: opts.lastEventId } : undefined, {
      onData: ({ data }: { data: StreamItem }) => {
        if (data.kind === 'events') {
          for (const event of data.events) {
            onSeq(sub, event.seq);
            if (event.type === 'message.created') onBody(sub, event.payload.message.body);
          }
          opts.onProgress?.(sub);
        } else if (data.kind === 'ready' || data.kind === 'resync') {
          sub.lastSeq = data.headSeq;
        }
        if (!settled) {
          settled = true;
          resolve(sub);
        }
      },
      onError: (err) => {
        opts.onFailed?.(err);
        if (!settled) {
          settled = true;
          reject(err);
        }
      },
    });
    opts.onCreated?.(sub);
  });

/** A tRPC client on the floor server's idle subscription: the same client, nothing of ours. */
const addFloorSubscriber = (url: string): Promise<Subscriber> =>
  new Promise((resolve, reject) => {
    const wsClient = createWSClient({ url: url.replace(/^http/, 'ws'), WebSocket: WebSocket as unknown as typeof globalThis.WebSocket, retryDelayMs: () => 500 });
    const client = createTRPCClient<FloorRouter>({ links: [wsLink({ client: wsClient })] });
    const subscription = client.idle.subscribe(undefined, { onData: () => resolve(sub), onError: reject });
    const sub: Subscriber = {
      seen: new Uint8Array(0),
      lastSeq: -1,
      events: 0,
      gaps: 0,
      close: () => {
        subscription.unsubscribe();
        void wsClient.close();
      },
    };
  });

const addRawSubscriber = (url: string): Promise<Subscriber> =>
  new Promise((resolve, reject) => {
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/ws`);
    const sub: Subscriber = { seen: new Uint8Array(phase.max), lastSeq: -1, events: 0, gaps: 0, close: () => ws.terminate() };
    ws.on('message', (data: Buffer) => {
      const event = JSON.parse(data.toString('utf8')) as { payload: { message: { body: string } } };
      sub.events++;
      onBody(sub, event.payload.message.body);
    });
    ws.once('open', () => resolve(sub));
    ws.once('error', reject);
  });

/** Runs `count` tasks with at most `concurrency` in flight. */
const pooled = async <T>(count: number, concurrency: number, task: () => Promise<T>): Promise<T[]> => {
  const out: T[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) {
        next++;
        out.push(await task());
      }
    }),
  );
  return out;
};

type ConnectArgs = { kind: 'trpc' | 'raw' | 'floor'; url: string; cookie?: string; origin?: string; count: number; concurrency?: number };
type ResumeArgs = { url: string; cookie: string; origin: string; count: number; lastEventId: string; targetSeq: number; timeoutMs: number; startAt?: number };

serveIpc(async (req) => {
  switch (req.cmd) {
    case 'connect': {
      const a = req as unknown as ConnectArgs;
      const started = nowMs();
      const added = await pooled(a.count, a.concurrency ?? 100, () =>
        a.kind === 'trpc' ? addTrpcSubscriber({ url: a.url, cookie: a.cookie!, origin: a.origin! }) : a.kind === 'floor' ? addFloorSubscriber(a.url) : addRawSubscriber(a.url),
      );
      subscribers.push(...added);
      return { ms: nowMs() - started, total: subscribers.length };
    }
    case 'phase': {
      phase = { tag: String(req.tag), max: Number(req.max) };
      for (const s of subscribers) s.seen = new Uint8Array(phase.max);
      hist = new Histogram();
      received = 0;
      duplicates = 0;
      stale = 0;
      return null;
    }
    case 'stats':
      return { received, duplicates, stale, hist: hist.toData(), subscribers: subscribers.length };
    case 'closeAll': {
      for (const s of subscribers.splice(0)) s.close();
      // Give the closes a moment to reach the server before the next section measures it.
      await new Promise((r) => setTimeout(r, 500));
      return null;
    }
    case 'memory':
      return memoryAfterGc();
    case 'resume': {
      // Every client opens at the same moment with the same lastEventId, as after a server restart.
      const a = req as unknown as ResumeArgs;
      // Fleets in several processes start together at the agreed wall-clock time.
      if (a.startAt !== undefined) await new Promise((r) => setTimeout(r, Math.max(0, a.startAt! - nowMs())));
      const startedAt = a.startAt ?? nowMs();
      // When every client had its first item: connected, authenticated, replay begun.
      let started = 0;
      let firstItemMs = Number.NaN;
      const clients: Subscriber[] = [];
      let caughtUp = 0;
      let errors = 0;
      let firstError = '';
      const done = new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, a.timeoutMs);
        const onProgress = (sub: Subscriber) => {
          if (!sub.started) {
            sub.started = true;
            if (++started === a.count) firstItemMs = nowMs() - startedAt;
          }
          if (sub.reached || sub.lastSeq < a.targetSeq) return;
          sub.reached = true;
          if (++caughtUp === a.count) {
            clearTimeout(timer);
            resolve();
          }
        };
        for (let i = 0; i < a.count; i++) {
          const onCreated = (sub: Subscriber) => clients.push(sub);
          const onFailed = (err: unknown) => {
            errors++;
            firstError ||= err instanceof Error ? err.message : String(err);
          };
          addTrpcSubscriber({ url: a.url, cookie: a.cookie, origin: a.origin, lastEventId: a.lastEventId, onProgress, onCreated, onFailed }).catch(() => {});
        }
      });
      await done;
      const ms = nowMs() - startedAt;
      const expected = a.targetSeq - Number(a.lastEventId);
      const result = {
        ms,
        clients: clients.length,
        caughtUp: clients.filter((c) => c.lastSeq >= a.targetSeq).length,
        complete: clients.filter((c) => c.events === expected && c.gaps === 0).length,
        gaps: clients.reduce((n, c) => n + c.gaps, 0),
        eventsPerClient: expected,
        firstItemMs,
        errors,
        firstError,
      };
      for (const c of clients) c.close();
      return result;
    }
    default:
      throw new Error(`unknown command ${req.cmd}`);
  }
});
process.send?.({ id: 0, ok: true, result: 'ready' });
// Exits cleanly on the bench's stop, so a --cpu-prof profile (FLEET_CPU_PROF) gets written.
process.once('SIGTERM', () => process.exit(0));
// Exits cleanly on the bench's stop, so a --cpu-prof profile (FLEET_CPU_PROF) gets written.
process.once('SIGTERM', () => process.exit(0));
