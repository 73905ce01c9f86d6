import { EventEmitter } from 'node:events';
import { Redis } from 'ioredis';
import type { TenantEvent } from '../../src/contracts/events.ts';
import type { Logger } from '../logger.ts';

/** Messages every node must act on that are not tenant events (and so not in the log). */
export type ControlMessage =
  | { type: 'sessions.revoked'; userId: string }
  /** One browser session signed out; `sessionKey` is the hash of its id, never the id itself. */
  | { type: 'session.ended'; sessionKey: string };

type Unsubscribe = () => void;

/** `topic`: what the presence is on — a conversation id (as before), or `ticket.<id>`. */
export type EphemeralMessage =
  | { type: 'presence'; conversationId: string }
  | { type: 'presence'; topic: string }
  /** Someone connected, disconnected, went away or came back: dashboards re-read agent presence. */
  | { type: 'agents' };

/**
 * Fans committed events out to every server node. Delivery is best effort: a lost message is
 * recovered from the event log by the stream's gap check or the client's resume.
 */
export interface Bus {
  readonly mode: 'redis' | 'in-process';
  publish(tenantId: string, events: TenantEvent[]): Promise<void>;
  /** Resolves once messages published from now on will be delivered to the handler. */
  subscribe(tenantId: string, onEvents: (events: TenantEvent[]) => void): Promise<Unsubscribe>;
  publishControl(message: ControlMessage): Promise<void>;
  subscribeControl(onMessage: (message: ControlMessage) => void): Promise<Unsubscribe>;
  /** Ephemeral state (presence, typing): fanned out like events but never logged or replayed. */
  publishEphemeral(tenantId: string, message: EphemeralMessage): Promise<void>;
  subscribeEphemeral(tenantId: string, onMessage: (message: EphemeralMessage) => void): Promise<Unsubscribe>;
  close(): Promise<void>;
}

export const createInProcessBus = (): Bus => {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  const on = <T>(channel: string, handler: (value: T) => void): Unsubscribe => {
    emitter.on(channel, handler);
    return () => emitter.off(channel, handler);
  };
  return {
    mode: 'in-process',
    // Deliver on a later tick, as Redis would: a publisher never runs subscriber code inline.
    publish: async (tenantId, events) => void setImmediate(() => emitter.emit(`tenant:${tenantId}`, events)),
    subscribe: async (tenantId, onEvents) => on(`tenant:${tenantId}`, onEvents),
    publishControl: async (message) => void setImmediate(() => emitter.emit('control', message)),
    subscribeControl: async (onMessage) => on('control', onMessage),
    publishEphemeral: async (tenantId, message) => void setImmediate(() => emitter.emit(`ephemeral:${tenantId}`, message)),
    subscribeEphemeral: async (tenantId, onMessage) => on(`ephemeral:${tenantId}`, onMessage),
    close: async () => void emitter.removeAllListeners(),
  };
};

/**
 * Redis pub/sub, one channel per tenant. Each node subscribes only to the tenants its clients
 * watch, ref-counted, and parses a message once however many local subscribers it has.
 */
export const createRedisBus = (redisUrl: string, prefix: string, log: Logger): Bus => {
  const pub = new Redis(redisUrl, { maxRetriesPerRequest: null, lazyConnect: false });
  const sub = new Redis(redisUrl, { maxRetriesPerRequest: null, lazyConnect: false });
  const handlers = new Map<string, Set<(value: unknown) => void>>();
  const pending = new Map<string, Promise<unknown>>();
  const controlChannel = `${prefix}:control`;
  const tenantChannel = (tenantId: string) => `${prefix}:events:${tenantId}`;

  for (const conn of [pub, sub]) conn.on('error', (err) => log.warn({ err: err.message }, 'redis bus connection error'));

  sub.on('message', (channel: string, raw: string) => {
    const set = handlers.get(channel);
    if (!set || set.size === 0) return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      log.error({ channel }, 'bus message is not JSON; dropped');
      return;
    }
    for (const handler of set) handler(value);
  });

  const listen = async (channel: string, handler: (value: unknown) => void): Promise<Unsubscribe> => {
    let set = handlers.get(channel);
    if (!set) {
      set = new Set();
      handlers.set(channel, set);
      pending.set(channel, sub.subscribe(channel));
    }
    set.add(handler);
    try {
      await pending.get(channel);
    } catch (err) {
      // Forget the failed subscription so the next caller tries again instead of inheriting the rejection.
      set.delete(handler);
      if (set.size === 0) handlers.delete(channel);
      pending.delete(channel);
      throw err;
    }
    return () => {
      const current = handlers.get(channel);
      if (!current) return;
      current.delete(handler);
      if (current.size === 0) {
        handlers.delete(channel);
        pending.delete(channel);
        sub.unsubscribe(channel).catch((err: Error) => log.warn({ err: err.message }, 'redis unsubscribe failed'));
      }
    };
  };

  return {
    mode: 'redis',
    publish: async (tenantId, events) => void (await pub.publish(tenantChannel(tenantId), JSON.stringify(events))),
    subscribe: (tenantId, onEvents) => listen(tenantChannel(tenantId), (v) => onEvents(v as TenantEvent[])),
    publishControl: async (message) => void (await pub.publish(controlChannel, JSON.stringify(message))),
    subscribeControl: (onMessage) => listen(controlChannel, (v) => onMessage(v as ControlMessage)),
    publishEphemeral: async (tenantId, message) => void (await pub.publish(`${prefix}:ephemeral:${tenantId}`, JSON.stringify(message))),
    subscribeEphemeral: (tenantId, onMessage) => listen(`${prefix}:ephemeral:${tenantId}`, (v) => onMessage(v as EphemeralMessage)),
    close: async () => {
      handlers.clear();
      await Promise.allSettled([pub.quit(), sub.quit()]);
    },
  };
};
