import type { IncomingMessage } from 'node:http';
import { TRPCError } from '@trpc/server';
import { getWSConnectionHandler } from '@trpc/server/adapters/ws';
import { getErrorShape, isObject, parseTRPCMessage } from '@trpc/server/unstable-core-do-not-import';
import type { RawData, WebSocket, WebSocketServer } from 'ws';
import { hasRole } from '../../src/domain/roles.ts';
import type { StreamItem } from '../../src/contracts/events.ts';
import type { Deps } from '../deps.ts';
import { appRouter } from '../trpc/app-router.ts';
import type { createContextFactory } from '../trpc/context.ts';
import { checkStreamSession } from '../trpc/procedures.ts';
import { ZStreamInput } from './events.router.ts';
import { socketBackedUp, whenSocketDrained } from './socket-backpressure.ts';
import type { FeedSubscription, StreamSink } from './feed-subscription.ts';
import { streamHub, type StreamHub } from './stream-hub.ts';
import { TurnBatchedWebSocket } from './turn-batched-socket.ts';
import { eventsFrameBuffer, sharedEventEncoder, subscriptionFrame, trackedFrame, type SubscriptionTarget } from './ws-encoder.ts';

/**
 * The WebSocket edge. Almost every socket carries one thing for its whole life: the app's
 * `events.stream` subscription, idle between events. Through tRPC's adapter that costs a context,
 * a subscription's async-iterator chain, keep-alive timers and closures per socket, ~14 KB of heap
 * before any of ours (measured in BENCHMARKS.md, "tRPC floor"). So this edge speaks tRPC's
 * WebSocket protocol for that one subscription itself, byte for byte as the adapter would, and
 * parks the subscriber in its tenant's feed (tenant-feed.ts): a socket, a small record and a set
 * entry. Every other message (queries, mutations, other subscriptions, anything unusual such as
 * a batch, a bad input or a failed session check) goes to tRPC's own connection handler, attached
 * to the socket the first time one arrives, which then answers exactly as it always has.
 */

export type KeepAlive = { pingMs: number; pongWaitMs: number };
const KEEP_ALIVE: KeepAlive = { pingMs: 30_000, pongWaitMs: 10_000 };
const PING = Buffer.from('PING');
const PONG = Buffer.from('PONG');
const STREAM_MARKER = Buffer.from('"events.stream"');
const STOP_MARKER = Buffer.from('"subscription.stop"');

/** Subscriptions this edge served itself, for tests to see which path a call took. */
export const edgeCounters = { subscriptions: 0 };

/** What a later tRPC context needs of the upgrade request, instead of the request itself. */
type UpgradeRequest = Pick<IncomingMessage, 'url' | 'headers'> & { socket: { remoteAddress?: string; encrypted?: boolean } };

type MessageListener = (data: RawData, isBinary: boolean) => void;

export class EdgeSocket extends TurnBatchedWebSocket {
  upgrade: UpgradeRequest | null = null;
  heardAt = Date.now();
  pingSentAt = 0;
  /** This socket's own `events.stream` subscriptions, by subscription id. */
  streams: Map<string | number, SocketStream> | null = null;
  /** tRPC's message listener, once the socket needed it. */
  trpc: MessageListener | null = null;
  /** Every message goes to tRPC (a client that sends connection params first). */
  trpcOnly = false;
}

/** One `events.stream` subscription of a socket: its frames go straight to the socket. */
class SocketStream implements StreamSink {
  subscription: FeedSubscription | null = null;
  stopped = false;
  private cancelDrainWait: (() => void) | null = null;

  constructor(
    private readonly socket: EdgeSocket,
    readonly target: SubscriptionTarget,
  ) {}

  send(item: StreamItem): void {
    if (this.stopped) return;
    if (item.kind === 'events') this.socket.send(eventsFrameBuffer(this.target, item.events));
    else this.socket.send(trackedFrame(this.target, item.headSeq, JSON.stringify(item)));
  }

  get backedUp(): boolean {
    return socketBackedUp(this.socket);
  }

  whenDrained(resume: () => void): void {
    this.cancelDrainWait = whenSocketDrained(this.socket, () => {
      this.cancelDrainWait = null;
      resume();
    });
  }

  stop(): void {
    this.stopped = true;
    this.cancelDrainWait?.();
    this.subscription?.close();
  }
}

/** A message as tRPC's `parseTRPCMessage` returns it. */
type Message = { id: string | number | null; jsonrpc?: '2.0'; method: string; params?: { path: string; input: unknown; lastEventId?: string } };
type StreamRequest = Message & { id: string | number; method: 'subscription'; params: NonNullable<Message['params']> };

const isEdgeStream = (m: Message): m is StreamRequest =>
  m.method === 'subscription' && m.params?.path === 'events.stream' && (typeof m.id === 'string' || typeof m.id === 'number');
const isEdgeStop = (socket: EdgeSocket, m: Message): boolean => m.method === 'subscription.stop' && m.id !== null && socket.streams?.has(m.id) === true;

/**
 * The messages of a frame, validated as tRPC's adapter validates them, when the frame holds one
 * this edge serves; null leaves the whole frame to tRPC (including any that tRPC would refuse).
 */
const readFrame = (socket: EdgeSocket, buffer: Buffer): Array<{ raw: unknown; message: Message }> | null => {
  // Cheap tests first: nearly everything else never needs parsing here.
  if (!buffer.includes(STREAM_MARKER) && !(socket.streams?.size && buffer.includes(STOP_MARKER))) return null;
  try {
    const parsed: unknown = JSON.parse(buffer.toString('utf8'));
    const raws = Array.isArray(parsed) ? parsed : [parsed];
    const messages = raws.map((raw) => ({ raw, message: parseTRPCMessage(raw, appRouter._def._config.transformer) as Message }));
    return messages.some(({ message }) => isEdgeStream(message) || isEdgeStop(socket, message)) ? messages : null;
  } catch {
    return null;
  }
};

export type WsEdge = {
  /** Takes over a socket whose upgrade was authenticated. */
  accept(socket: EdgeSocket, req: IncomingMessage): void;
  /** Asks every client to reconnect (to another node): before a graceful shutdown. */
  broadcastReconnect(): void;
  stop(): void;
};

export const createWsEdge = (
  deps: Deps,
  createContext: ReturnType<typeof createContextFactory>,
  wss: WebSocketServer,
  keepAlive: KeepAlive = KEEP_ALIVE,
): WsEdge => {
  const sockets = () => wss.clients as Set<EdgeSocket>;
  const { log } = deps;
  const hub: StreamHub = streamHub({ db: deps.db, bus: deps.bus, log });
  const trpcConnection = getWSConnectionHandler({
    wss,
    router: appRouter,
    createContext,
    experimental_encoder: sharedEventEncoder,
    onError: ({ error, path }) => {
      if (error.code === 'INTERNAL_SERVER_ERROR') log.error({ err: error.cause ?? error, path }, 'unhandled error');
    },
  });

  /** tRPC's handler for this socket, attached now if it was not yet; its listener is ours to call. */
  const trpcOf = (socket: EdgeSocket): MessageListener => {
    if (socket.trpc) return socket.trpc;
    const before = new Set(socket.listeners('message'));
    trpcConnection(socket, socket.upgrade as IncomingMessage);
    const added = socket.listeners('message').filter((listener) => !before.has(listener)) as MessageListener[];
    for (const listener of added) socket.off('message', listener);
    socket.trpc = (data, isBinary) => added.forEach((listener) => listener.call(socket, data, isBinary));
    return socket.trpc;
  };

  /** Answers as tRPC's adapter answers a subscription id already in use on the socket. */
  const refuseDuplicate = (socket: EdgeSocket, request: StreamRequest) => {
    const error = new TRPCError({ code: 'BAD_REQUEST', message: `Duplicate id ${request.id}` });
    const shape = getErrorShape({ config: appRouter._def._config, error, type: 'subscription', path: 'events.stream', input: request.params.input, ctx: undefined });
    socket.send(JSON.stringify({ id: request.id, jsonrpc: request.jsonrpc, error: shape }));
  };

  const subscribe = async (socket: EdgeSocket, request: StreamRequest, raw: unknown): Promise<void> => {
    const started = performance.now();
    if (socket.streams?.has(request.id)) return refuseDuplicate(socket, request);
    const target: SubscriptionTarget = { id: request.id, ...(request.jsonrpc ? { jsonrpc: request.jsonrpc } : {}) };
    // tRPC's adapter folds the reconnecting link's lastEventId into the input the same way.
    const { input, lastEventId } = request.params;
    const merged = lastEventId === undefined ? input : isObject(input) ? { ...input, lastEventId } : (input ?? { lastEventId });
    const parsed = ZStreamInput.safeParse(merged);
    const token = deps.lucia.readSessionCookie(socket.upgrade?.headers.cookie ?? '');
    // tRPC answers what this edge would refuse, with the error its procedure gives.
    const toTrpc = () => trpcOf(socket)(Buffer.from(JSON.stringify(raw)), false);
    if (!parsed.success || !token) return toTrpc();
    const stream = new SocketStream(socket, target);
    (socket.streams ??= new Map()).set(request.id, stream);
    const check = await checkStreamSession({ deps, socket, sessionToken: token }).catch(() => null);
    if (stream.stopped || socket.readyState !== socket.OPEN) return void socket.streams.delete(request.id);
    const { session, user } = check ?? {};
    if (!session || !user || !hasRole(user.role, 'AGENT')) {
      socket.streams.delete(request.id);
      return toTrpc();
    }
    socket.send(subscriptionFrame(target, '{"type":"started"}'));
    edgeCounters.subscriptions++;
    const lastSeq = parsed.data?.lastEventId == null ? null : Number(parsed.data.lastEventId);
    try {
      stream.subscription = await hub.subscribe(user.tenantId, lastSeq, stream);
    } catch (err) {
      log.error({ err, tenantId: user.tenantId }, 'events.stream: subscribe failed');
      socket.streams.delete(request.id);
      // The client reconnects and resumes from its last id.
      socket.close(1011, 'stream unavailable');
      return;
    }
    // Stopped, or its socket closed, while it subscribed.
    if (stream.stopped) return stream.subscription.close();
    log.info({ path: 'events.stream', type: 'subscription', transport: 'ws', ms: Math.round(performance.now() - started), ok: true, tenantId: user.tenantId, userId: user.id }, 'rpc');
  };

  const stop = (socket: EdgeSocket, id: string | number) => {
    const stream = socket.streams!.get(id)!;
    socket.streams!.delete(id);
    stream.stop();
    socket.send(subscriptionFrame(stream.target, '{"type":"stopped"}'));
  };

  function onMessage(this: WebSocket, data: RawData, isBinary: boolean): void {
    const socket = this as EdgeSocket;
    socket.heardAt = Date.now();
    socket.pingSentAt = 0;
    if (socket.trpcOnly) return trpcOf(socket)(data, isBinary);
    if (!isBinary && Buffer.isBuffer(data)) {
      if (data.length === 4 && data.equals(PING)) return socket.send('PONG');
      if (data.length === 4 && data.equals(PONG)) return;
      const messages = readFrame(socket, data);
      if (messages) {
        // A batch (the link sends one on every reconnect) is split: the rest go to tRPC one by one.
        for (const { raw, message } of messages) {
          if (isEdgeStream(message)) void subscribe(socket, message, raw);
          else if (isEdgeStop(socket, message)) stop(socket, message.id!);
          else trpcOf(socket)(Buffer.from(JSON.stringify(raw)), false);
        }
        return;
      }
    }
    trpcOf(socket)(data, isBinary);
  }

  function onClose(this: WebSocket): void {
    const { streams } = this as EdgeSocket;
    if (!streams) return;
    for (const stream of streams.values()) stream.stop();
    streams.clear();
  }

  // One sweep for every socket instead of two timers each: ping a socket quiet for pingMs, cut one
  // that did not answer within pongWaitMs.
  const sweep = setInterval(() => {
    const now = Date.now();
    for (const socket of sockets()) {
      if (socket.pingSentAt > 0) {
        if (now - socket.pingSentAt > keepAlive.pongWaitMs) socket.terminate();
      } else if (now - socket.heardAt >= keepAlive.pingMs) {
        socket.pingSentAt = now;
        socket.send('PING');
      }
    }
  }, Math.max(50, Math.min(keepAlive.pingMs, keepAlive.pongWaitMs) / 2));
  sweep.unref();

  return {
    accept(socket, req) {
      socket.upgrade = {
        url: req.url,
        headers: pick(req.headers, ['host', 'cookie', 'origin', 'x-request-id', 'x-forwarded-for']),
        socket: { remoteAddress: req.socket.remoteAddress, encrypted: 'encrypted' in req.socket && Boolean(req.socket.encrypted) },
      };
      // A client that sends connection params first speaks a variant this edge leaves to tRPC.
      socket.trpcOnly = new URL(req.url ?? '/', 'http://x').searchParams.get('connectionParams') === '1';
      socket.on('message', onMessage);
      socket.once('close', onClose);
    },
    broadcastReconnect() {
      const notice = JSON.stringify({ id: null, method: 'reconnect' });
      for (const socket of sockets()) if (socket.readyState === socket.OPEN) socket.send(notice);
    },
    stop() {
      clearInterval(sweep);
    },
  };
};

const pick = <T extends object, K extends keyof T>(from: T, keys: K[]): Pick<T, K> => {
  const out = {} as Pick<T, K>;
  for (const key of keys) if (from[key] !== undefined) out[key] = from[key];
  return out;
};
