import type { Socket } from 'node:net';
import { WebSocket } from 'ws';

/** A subscriber holding more than this unsent leaves the live feed and catches up from the log once drained. */
export const SOCKET_BACKLOG_BYTES = 1 << 20;

/**
 * More than the backlog unsent on an open socket. A socket that is closing is never backed up:
 * ws drops what is sent to it (while still counting it in `bufferedAmount`), and its close event
 * ends the subscription.
 */
export const socketBackedUp = (socket: WebSocket): boolean => socket.readyState === WebSocket.OPEN && socket.bufferedAmount > SOCKET_BACKLOG_BYTES;

/**
 * Calls `resume` once the socket has written out what it holds, or is no longer open; always on a
 * later event-loop turn, so a caller that waits again cannot starve the loop. Returns a cancel.
 */
export const whenSocketDrained = (socket: WebSocket, resume: () => void): (() => void) => {
  // `_socket` is ws's own handle on the TCP socket (not in its typings).
  const raw = (socket as unknown as { _socket?: Socket })._socket;
  if (!raw || raw.destroyed || socket.readyState !== WebSocket.OPEN || !raw.writableNeedDrain) {
    const later = setImmediate(resume);
    return () => clearImmediate(later);
  }
  raw.once('drain', resume);
  return () => raw.off('drain', resume);
};
