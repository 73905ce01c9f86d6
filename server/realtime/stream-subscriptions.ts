import type { RawData, WebSocket } from 'ws';
import type { SubscriptionTarget } from './ws-encoder.ts';

/**
 * Which tRPC subscription of a socket carries which `events.stream` (by the `streamId` the client
 * put in its input), so the stream can write live frames to that subscription itself instead of
 * yielding each batch through the adapter. Read off the socket's own messages before tRPC handles
 * them; per socket, so a client can only ever name its own subscriptions.
 */
const targets = new WeakMap<WebSocket, Map<string, SubscriptionTarget>>();

const MARKER = Buffer.from('"events.stream"');

type Request = { id?: unknown; jsonrpc?: unknown; method?: unknown; params?: { path?: unknown; input?: { streamId?: unknown } } };

const remember = (socket: WebSocket, message: Request) => {
  const streamId = message.params?.input?.streamId;
  if (message.method !== 'subscription' || message.params?.path !== 'events.stream' || typeof streamId !== 'string') return;
  if (typeof message.id !== 'string' && typeof message.id !== 'number') return;
  let bySocket = targets.get(socket);
  if (!bySocket) targets.set(socket, (bySocket = new Map()));
  bySocket.set(streamId, { id: message.id, ...(message.jsonrpc === '2.0' ? { jsonrpc: '2.0' as const } : {}) });
};

/** Call before the socket is handed to tRPC, so this listener runs first for every message. */
export const captureStreamSubscriptions = (socket: WebSocket): void => {
  socket.on('message', (data: RawData, isBinary: boolean) => {
    if (isBinary) return;
    const buffer = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data);
    // Cheap test first: almost every message (pongs, other procedures) is not one of these.
    if (!buffer.includes(MARKER)) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(buffer.toString('utf8'));
    } catch {
      return; // tRPC answers malformed messages itself.
    }
    for (const message of Array.isArray(parsed) ? parsed : [parsed]) if (message && typeof message === 'object') remember(socket, message as Request);
  });
};

export const streamTarget = (socket: WebSocket, streamId: string): SubscriptionTarget | null => targets.get(socket)?.get(streamId) ?? null;
