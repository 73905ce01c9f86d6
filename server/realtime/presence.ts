import type { Redis } from 'ioredis';

export type PresenceState = 'viewing' | 'typing_reply' | 'typing_note' | 'editing';
export type PresenceEntry = { userId: string; name: string; state: PresenceState; expiresAt: number };


/**
 * Who is looking at or typing in something: a conversation (topic = its id, the keys as they
 * always were) or a ticket (topic = `ticket.<id>`, see `ticketTopic`). Shared through Redis when
 * configured (a sorted set per topic scored by expiry, so every node reads the same truth), in
 * memory otherwise. Never written to the event log.
 */
export interface PresenceStore {
  set(tenantId: string, topic: string, entry: PresenceEntry): Promise<void>;
  remove(tenantId: string, topic: string, userId: string): Promise<void>;
  list(tenantId: string, topic: string, now: number): Promise<PresenceEntry[]>;
}

/** A ticket's presence topic; cannot collide with a conversation's (a bare uuid). */
export const ticketTopic = (ticketId: string) => `ticket.${ticketId}`;

// The member carries its own expiry too, so reads need no WITHSCORES (whose reply shape differs between RESP2 and RESP3).
const member = (e: PresenceEntry) => JSON.stringify([e.userId, e.name, e.state, e.expiresAt]);
const parse = (raw: string): PresenceEntry => {
  const [userId, name, state, expiresAt] = JSON.parse(raw) as [string, string, PresenceState, number];
  return { userId, name, state, expiresAt };
};

/** One entry per person: the freshest of their states. */
const newestPerUser = (entries: PresenceEntry[]) => {
  const byUser = new Map<string, PresenceEntry>();
  for (const e of entries) {
    const seen = byUser.get(e.userId);
    if (!seen || e.expiresAt > seen.expiresAt) byUser.set(e.userId, e);
  }
  return [...byUser.values()].sort((a, b) => a.name.localeCompare(b.name));
};

export const createRedisPresence = (redis: Redis, prefix: string, ttlMs: number): PresenceStore => {
  const key = (tenantId: string, topic: string) => `${prefix}:presence:${tenantId}:${topic}`;
  const removeUser = async (k: string, userId: string) => {
    const all = await redis.zrange(k, 0, '-1');
    const mine = all.filter((m) => (JSON.parse(m) as string[])[0] === userId);
    if (mine.length > 0) await redis.zrem(k, ...mine);
  };
  return {
    set: async (tenantId, topic, entry) => {
      const k = key(tenantId, topic);
      await removeUser(k, entry.userId);
      await redis.multi().zadd(k, String(entry.expiresAt), member(entry)).pexpire(k, String(ttlMs * 2)).exec();
    },
    remove: async (tenantId, topic, userId) => removeUser(key(tenantId, topic), userId),
    list: async (tenantId, topic, now) => {
      const k = key(tenantId, topic);
      await redis.zremrangebyscore(k, '-inf', String(now));
      return newestPerUser((await redis.zrange(k, 0, '-1')).map(parse));
    },
  };
};

export const createMemoryPresence = (): PresenceStore => {
  const byTopic = new Map<string, PresenceEntry[]>();
  const key = (tenantId: string, topic: string) => `${tenantId}:${topic}`;
  return {
    set: async (tenantId, topic, entry) => {
      const k = key(tenantId, topic);
      byTopic.set(k, [...(byTopic.get(k) ?? []).filter((e) => e.userId !== entry.userId), entry]);
    },
    remove: async (tenantId, topic, userId) => {
      const k = key(tenantId, topic);
      byTopic.set(k, (byTopic.get(k) ?? []).filter((e) => e.userId !== userId));
    },
    list: async (tenantId, topic, now) => {
      const k = key(tenantId, topic);
      const live = (byTopic.get(k) ?? []).filter((e) => e.expiresAt > now);
      if (live.length === 0) byTopic.delete(k);
      else byTopic.set(k, live);
      return newestPerUser(live);
    },
  };
};
