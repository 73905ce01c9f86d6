import { useSyncExternalStore } from 'react';
import { wsClient } from '../../../lib/trpc.ts';

export type ConnectionState = 'live' | 'reconnecting' | 'offline';

export type ConnectionStatus = { state: ConnectionState; label: string; detail: string };

/**
 * What the connection indicator shows, from three facts: the browser thinks it is online, the
 * socket is open (wsClient `connectionState` = pending), and the server has confirmed the event
 * subscription on that socket. Only all three together are "live": an open socket whose
 * subscription has not (re)started yet would deliver nothing.
 */
let online = typeof navigator === 'undefined' ? true : navigator.onLine;
let socket: 'idle' | 'connecting' | 'pending' = wsClient.connectionState.get().state;
let streaming = false;
let everLive = false;

const compute = (): ConnectionStatus => {
  if (!online) return { state: 'offline', label: 'Offline', detail: 'You’re offline. Changes will catch up when you reconnect.' };
  if (socket === 'pending' && streaming) {
    return { state: 'live', label: 'Live', detail: 'Receiving changes as they happen.' };
  }
  return everLive
    ? { state: 'reconnecting', label: 'Reconnecting…', detail: 'Connection lost. Reconnecting; nothing you missed will be lost.' }
    : { state: 'reconnecting', label: 'Connecting…', detail: 'Connecting to live updates…' };
};

let snapshot = compute();
const listeners = new Set<() => void>();

const update = () => {
  const next = compute();
  if (next.state === 'live') everLive = true;
  if (next.state === snapshot.state && next.label === snapshot.label) return;
  snapshot = next;
  for (const listener of listeners) listener();
};

let started = false;
const start = () => {
  if (started) return;
  started = true;
  wsClient.connectionState.subscribe({
    next: ({ state }) => {
      socket = state;
      // A new socket carries no subscription until the server says "started" again.
      if (state !== 'pending') streaming = false;
      // Idle is a deliberate close (signed out, nothing subscribed): the next connect is a first one.
      if (state === 'idle') everLive = false;
      update();
    },
  });
  window.addEventListener('online', () => {
    online = true;
    update();
  });
  window.addEventListener('offline', () => {
    online = false;
    update();
  });
};

/** Called by the event stream when the server confirms (or loses) the subscription. */
export const setStreaming = (value: boolean) => {
  streaming = value;
  update();
};

const subscribe = (listener: () => void) => {
  start();
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
};

export const useConnectionStatus = (): ConnectionStatus => useSyncExternalStore(subscribe, () => snapshot);
