import type { Socket } from 'node:net';
import { WebSocket } from 'ws';
import { wireOf } from './prepared-frame.ts';

/**
 * Fan-out is bound by system calls: one `write` per message per socket. This server-side
 * WebSocket corks its TCP socket on the first send of an event-loop turn and uncorks every corked
 * socket once the turn's work is done (setImmediate), so a burst of events — a Redis read often
 * carries several — leaves each socket in one write. It changes when bytes leave within the turn,
 * never their order or content.
 */
type SendOptions = Exclude<Parameters<WebSocket['send']>[1], ((err?: Error) => void) | undefined>;

const corked = new Set<Socket>();
/** ws's Sender state when it writes a frame at once (DEFAULT in ws/lib/sender.js). */
const SENDER_IDLE = 0;
let flushScheduled = false;

/**
 * How long one slice of flushing may hold the event loop. An event to a thousand subscribers is a
 * thousand `writev`s; done in one go they hold the loop for tens of milliseconds on a busy
 * machine, and a transaction waiting for its database reply (holding the tenant's event counter
 * lock) waits that long too. Between slices the loop polls I/O. Bounded by time, not by a count
 * of sockets: a fixed small count spread one event's flush over many loop turns, interleaved
 * with the next events', and the last screens got each event late (measured in BENCHMARKS.md).
 */
export const FLUSH_SLICE_MS = 8;
let sliceMs = FLUSH_SLICE_MS;

/** For tests: 0 makes every slice as short as possible (16 sockets). */
export const setFlushSliceMs = (ms: number): void => {
  sliceMs = ms;
};

const uncorkSlice = () => {
  const until = performance.now() + sliceMs;
  let written = 0;
  // Set iteration is in insertion order, and deleting the current entry is safe.
  for (const socket of corked) {
    corked.delete(socket);
    socket.uncork();
    // The clock is read every 16 sockets: a writev is microseconds.
    if ((++written & 15) === 0 && performance.now() >= until) break;
  }
  if (corked.size > 0) setImmediate(uncorkSlice);
  else flushScheduled = false;
};

export class TurnBatchedWebSocket extends WebSocket {
  override send(data: Parameters<WebSocket['send']>[0], cb?: (err?: Error) => void): void;
  override send(data: Parameters<WebSocket['send']>[0], options: SendOptions, cb?: (err?: Error) => void): void;
  override send(...args: [Parameters<WebSocket['send']>[0], ...unknown[]]): void {
    // `_socket` is ws's own handle on the TCP socket (not in its typings); absent before upgrade.
    const internals = this as unknown as { _socket?: Socket; _sender?: { _state: number } };
    const socket = internals._socket;
    if (socket && !corked.has(socket) && !socket.destroyed) {
      socket.cork();
      corked.add(socket);
      if (!flushScheduled) {
        flushScheduled = true;
        setImmediate(uncorkSlice);
      }
    }
    const [data, options] = args;
    // A prepared shared frame goes out as its bytes, when ws would have written at once anyway:
    // open, and its sender idle (not compressing or reading a blob, which would queue this).
    const wire = args.length === 1 ? wireOf(data) : undefined;
    if (wire && socket && this.readyState === WebSocket.OPEN && internals._sender?._state === SENDER_IDLE) {
      socket.write(wire);
      return;
    }
    // Every frame this server sends is JSON text; shared frames come here already UTF-8-encoded.
    if (typeof data !== 'string' && (options === undefined || typeof options === 'function')) args.splice(1, 0, { binary: false });
    (super.send as (...a: unknown[]) => void).apply(this, args);
  }
}
