import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { WebSocket } from 'ws';
import type { AgentStatus } from '../../src/contracts/dashboard.ts';
import type { Bus } from './bus.ts';
import type { Logger } from '../logger.ts';

/** A socket entry lives this long unless its node renews it: a crashed node's agents go offline by themselves. */
export const SOCKET_TTL_MS = 30_000;
const RENEW_MS = SOCKET_TTL_MS / 3;
/** An "away" report lives this long; the client renews it while the person stays away. */
export const AWAY_TTL_MS = 90_000;

export type AgentPresenceView = {
  statuses: Map<string, Exclude<AgentStatus, 'offline'>>;
  /** When the earliest entry lapses unless renewed: a watcher re-reads then (a node may have died). */
  nextExpiry: number | null;
};

/**
 * Who has a live WebSocket, across every node: one entry per open socket, scored by expiry
 * (a sorted set per tenant in Redis, so all nodes read the same truth; memory in single-node
 * mode). "Away" is what a person's tab reports (hidden or idle); connected and not away is online;
 * no socket is offline. Never written to the event log.
 */
export interface AgentPresenceStore {
  putSockets(entries: Array<{ tenantId: string; userId: string; socketId: string }>, expiresAt: number): Promise<void>;
  removeSocket(tenantId: string, userId: string, socketId: string): Promise<void>;
  setAway(tenantId: string, userId: string, away: boolean, now: number): Promise<void>;
  view(tenantId: string, now: number): Promise<AgentPresenceView>;
}

const member = (userId: string, socketId: string) => `${userId}|${socketId}`;
const userOf = (m: string) => m.slice(0, m.indexOf('|'));

export const createRedisAgentPresence = (redis: Redis, prefix: string): AgentPresenceStore => {
  const sockets = (tenantId: string) => `${prefix}:agents:${tenantId}`;
  const away = (tenantId: string) => `${prefix}:agents-away:${tenantId}`;
  const readSet = async (key: string, now: number) => {
    await redis.zremrangebyscore(key, '-inf', String(now));
    // Scores come back as alternating strings in RESP2 and pairs in RESP3: read them separately.
    const members = await redis.zrange(key, 0, '-1');
    const first = members.length ? Number(await redis.zscore(key, members[0]!)) : null;
    return { members, first };
  };
  return {
    putSockets: async (entries, expiresAt) => {
      if (entries.length === 0) return;
      const multi = redis.multi();
      for (const e of entries) multi.zadd(sockets(e.tenantId), String(expiresAt), member(e.userId, e.socketId)).pexpire(sockets(e.tenantId), String(SOCKET_TTL_MS * 2));
      await multi.exec();
    },
    removeSocket: async (tenantId, userId, socketId) => void (await redis.zrem(sockets(tenantId), member(userId, socketId))),
    setAway: async (tenantId, userId, isAway, now) => {
      if (!isAway) await redis.zrem(away(tenantId), userId);
      else await redis.multi().zadd(away(tenantId), String(now + AWAY_TTL_MS), userId).pexpire(away(tenantId), String(AWAY_TTL_MS * 2)).exec();
    },
    view: async (tenantId, now) => {
      // The earliest score is the head of the set (ZRANGE returns members by ascending score).
      const [live, gone] = await Promise.all([readSet(sockets(tenantId), now), readSet(away(tenantId), now)]);
      const awaySet = new Set(gone.members);
      const statuses = new Map<string, 'online' | 'away'>();
      for (const m of live.members) statuses.set(userOf(m), awaySet.has(userOf(m)) ? 'away' : 'online');
      const expiries = [live.first, gone.first].filter((x): x is number => x !== null);
      return { statuses, nextExpiry: expiries.length ? Math.min(...expiries) : null };
    },
  };
};

export const createMemoryAgentPresence = (): AgentPresenceStore => {
  const sockets = new Map<string, Map<string, number>>();
  const away = new Map<string, Map<string, number>>();
  const of = (map: Map<string, Map<string, number>>, tenantId: string) => {
    let m = map.get(tenantId);
    if (!m) map.set(tenantId, (m = new Map()));
    return m;
  };
  const live = (m: Map<string, number>, now: number) => {
    for (const [k, exp] of m) if (exp <= now) m.delete(k);
    return m;
  };
  return {
    putSockets: async (entries, expiresAt) => {
      for (const e of entries) of(sockets, e.tenantId).set(member(e.userId, e.socketId), expiresAt);
    },
    removeSocket: async (tenantId, userId, socketId) => void of(sockets, tenantId).delete(member(userId, socketId)),
    setAway: async (tenantId, userId, isAway, now) => {
      if (isAway) of(away, tenantId).set(userId, now + AWAY_TTL_MS);
      else of(away, tenantId).delete(userId);
    },
    view: async (tenantId, now) => {
      const s = live(of(sockets, tenantId), now);
      const a = live(of(away, tenantId), now);
      const statuses = new Map<string, 'online' | 'away'>();
      for (const m of s.keys()) statuses.set(userOf(m), a.has(userOf(m)) ? 'away' : 'online');
      const expiries = [...s.values(), ...a.values()];
      return { statuses, nextExpiry: expiries.length ? Math.min(...expiries) : null };
    },
  };
};

/**
 * This node's side: records each authenticated WebSocket, renews the entries while they live,
 * removes them on close, and tells every node's dashboards (ephemeral bus message) when someone
 * connects or disconnects.
 */
const ANNOUNCE_COALESCE_MS = 100;

export const trackAgentSockets = (store: AgentPresenceStore, bus: Bus, log: Logger) => {
  const local = new Map<string, { tenantId: string; userId: string; socketId: string }>();
  // Coalesced per tenant: a thousand screens reconnecting after a deploy are one re-read for every
  // dashboard, not a thousand.
  const announcing = new Set<string>();
  const announce = (tenantId: string) => {
    if (announcing.has(tenantId)) return;
    announcing.add(tenantId);
    setTimeout(() => {
      announcing.delete(tenantId);
      bus.publishEphemeral(tenantId, { type: 'agents' }).catch((err: Error) => log.warn({ err: err.message }, 'agent presence publish failed'));
    }, ANNOUNCE_COALESCE_MS).unref();
  };
  // Sockets opened in one event-loop turn (a reconnect storm) are recorded in one Redis round trip.
  let arrived: Array<{ tenantId: string; userId: string; socketId: string }> = [];
  const recordArrivals = () => {
    // A socket that closed before this ran is skipped: its removal may already have been sent.
    const batch = arrived.filter((e) => local.has(e.socketId));
    arrived = [];
    if (batch.length === 0) return;
    void store
      .putSockets(batch, Date.now() + SOCKET_TTL_MS)
      .then(() => new Set(batch.map((e) => e.tenantId)).forEach(announce))
      .catch((err: Error) => log.warn({ err: err.message, sockets: batch.length }, 'agent presence write failed'));
  };
  const renew = setInterval(() => {
    void store.putSockets([...local.values()], Date.now() + SOCKET_TTL_MS).catch((err: Error) => log.warn({ err: err.message }, 'agent presence renew failed'));
  }, RENEW_MS);
  renew.unref();
  return {
    track: (socket: WebSocket, who: { tenantId: string; userId: string }) => {
      const entry = { ...who, socketId: randomUUID() };
      local.set(entry.socketId, entry);
      arrived.push(entry);
      if (arrived.length === 1) setImmediate(recordArrivals);
      socket.once('close', () => {
        local.delete(entry.socketId);
        void store
          .removeSocket(who.tenantId, who.userId, entry.socketId)
          .then(() => announce(who.tenantId))
          .catch((err: Error) => log.warn({ err: err.message }, 'agent presence remove failed'));
      });
    },
    stop: () => clearInterval(renew),
  };
};
