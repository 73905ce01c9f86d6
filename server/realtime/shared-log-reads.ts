import type { TenantEvent } from '../../src/contracts/events.ts';
import type { Db } from '../db/client.ts';
import { readEvents } from './event-log.ts';

/**
 * A range of a tenant's log that ends below a committed sequence number never changes (commit
 * order equals sequence order), so streams replaying the same range share one read: after a
 * deploy, a thousand screens resuming from the same id cost one query instead of a thousand, and
 * they share the event objects too, which the WebSocket encoder then serialises once. Entries live
 * a few seconds and are few; a failed read is dropped so the next caller asks again.
 */
const TTL_MS = 5_000;
const MAX_ENTRIES = 32;

type Entry = { at: number; events: Promise<TenantEvent[]> };
const caches = new WeakMap<Db, Map<string, Entry>>();

export const readCommittedRange = (
  db: Db,
  tenantId: string,
  range: { afterSeq: number; beforeSeq: number; limit: number },
): Promise<TenantEvent[]> => {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const now = Date.now();
  const key = `${tenantId}:${range.afterSeq}:${range.beforeSeq}:${range.limit}`;
  const hit = cache.get(key);
  if (hit && now - hit.at < TTL_MS) return hit.events;

  for (const [k, e] of cache) if (now - e.at >= TTL_MS) cache.delete(k);
  // Oldest first (Map keeps insertion order).
  while (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  const entry: Entry = { at: now, events: readEvents(db, tenantId, range) };
  cache.set(key, entry);
  entry.events.catch(() => cache.get(key) === entry && cache.delete(key));
  return entry.events;
};
