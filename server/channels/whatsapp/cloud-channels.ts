import type { Db } from '../../db/client.ts';
import type { Channel } from '../../db/generated/client.ts';

/**
 * Every Cloud API webhook names its channels by phone number id, and looking them up was a query
 * (and a round trip) per delivery. Found channels are kept for a moment. What that can get
 * wrong, and why it is safe:
 * - a rotated app secret: a delivery that fails verification with a kept channel looks it up
 *   again before refusing (`forgetCloudChannels`), so the new secret works at once;
 * - a channel changed or deleted through this node: every kept channel is forgotten then;
 * - one changed or deleted through another node: this node sees it within `KEEP_MS`; until then
 *   a delivery for a deleted channel fails its write and is answered 5xx, which the provider
 *   retries.
 * Unknown ids are never kept, so a channel created anywhere receives its first delivery at once.
 */
const KEEP_MS = 2000;

type Kept = { channel: Channel; until: number };
const kept = new WeakMap<Db, Map<string, Kept>>();

const keptFor = (db: Db) => {
  let map = kept.get(db);
  if (!map) kept.set(db, (map = new Map()));
  return map;
};

export const findCloudChannels = async (db: Db, phoneNumberIds: string[]): Promise<Channel[]> => {
  const map = keptFor(db);
  const now = Date.now();
  const found: Channel[] = [];
  const missing: string[] = [];
  for (const id of phoneNumberIds) {
    const hit = map.get(id);
    if (hit && hit.until > now) found.push(hit.channel);
    else missing.push(id);
  }
  if (missing.length === 0) return found;
  const rows = await db.channel.findMany({ where: { provider: 'WHATSAPP_CLOUD', phoneNumberId: { in: missing } } });
  for (const channel of rows) map.set(channel.phoneNumberId!, { channel, until: now + KEEP_MS });
  return [...found, ...rows];
};

/** Forgets kept channels: all of them (a channel changed on this node), or the named ones. */
export const forgetCloudChannels = (db: Db, phoneNumberIds?: string[]): void => {
  const map = kept.get(db);
  if (!map) return;
  if (!phoneNumberIds) map.clear();
  else for (const id of phoneNumberIds) map.delete(id);
};
