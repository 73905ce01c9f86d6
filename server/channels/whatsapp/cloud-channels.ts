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
/** The kept channels of one database, and how often they were forgotten (see `findCloudChannels`). */
type Store = { kept: Map<string, Kept>; forgotten: number };
const stores = new WeakMap<Db, Store>();

const storeFor = (db: Db): Store => {
  let store = stores.get(db);
  if (!store) stores.set(db, (store = { kept: new Map(), forgotten: 0 }));
  return store;
};

export const findCloudChannels = async (db: Db, phoneNumberIds: string[]): Promise<Channel[]> => {
  const store = storeFor(db);
  const now = Date.now();
  const found: Channel[] = [];
  const missing: string[] = [];
  for (const id of phoneNumberIds) {
    const hit = store.kept.get(id);
    if (hit && hit.until > now) found.push(hit.channel);
    else missing.push(id);
  }
  if (missing.length === 0) return found;
  const forgotten = store.forgotten;
  const rows = await db.channel.findMany({ where: { provider: 'WHATSAPP_CLOUD', phoneNumberId: { in: missing } } });
  // A change forgotten while this read was on its way may have come after the read: keep nothing.
  if (store.forgotten === forgotten) for (const channel of rows) store.kept.set(channel.phoneNumberId!, { channel, until: now + KEEP_MS });
  return [...found, ...rows];
};

/** Forgets kept channels: all of them (a channel changed on this node), or the named ones. */
export const forgetCloudChannels = (db: Db, phoneNumberIds?: string[]): void => {
  const store = storeFor(db);
  store.forgotten++;
  if (!phoneNumberIds) store.kept.clear();
  else for (const id of phoneNumberIds) store.kept.delete(id);
};
