import { z } from 'zod';
import type { TenantEvent } from '../../../src/contracts/events.ts';
import type { Deps } from '../../deps.ts';
import { floorBucket, refreshVolume, VOLUME_BUCKET_MS } from './volume-rollup.ts';
import { writeConversationStats } from './write-stats.ts';

export const CONVERSATION_STATS_JOB = 'conversation-stats.refresh';
export const ACTIVITY_VOLUME_JOB = 'activity-volume.refresh';

const ZPayload = z.object({ tenantId: z.uuid(), conversationId: z.uuid() });
const ZVolumePayload = z.object({ tenantId: z.uuid(), bucketStart: z.number().int().refine((ms) => ms % VOLUME_BUCKET_MS === 0) });

/** The volume buckets a new message changes: its own, and its conversation's when that is new. */
const bucketsOf = (e: TenantEvent): number[] =>
  e.type === 'message.created' ? [floorBucket(Date.parse(e.payload.message.createdAt)), floorBucket(Date.parse(e.payload.conversation.createdAt))] : [];

/** The events after which a conversation's figures may differ. */
const conversationOf = (e: TenantEvent): string | null => {
  switch (e.type) {
    case 'message.created':
    case 'conversation.updated':
    case 'conversation.owner_changed':
      return e.payload.conversation.id;
    default:
      return null;
  }
};

/**
 * Enqueues one refresh per conversation (and per volume bucket) per debounce window, run at the window's end: the job id
 * names the conversation and the window, so a burst of events in one window is one job (later
 * enqueues are no-ops), and an event arriving while that job already runs lands in the next
 * window's job, which reads after it committed. Events are published after commit, so every
 * refresh reads rows at least as new as the event that asked for it.
 */
export const scheduleStatsRefresh = async (
  deps: Pick<Deps, 'queue' | 'log'> & { config: Pick<Deps['config'], 'statsDebounceMs'> },
  tenantId: string,
  events: TenantEvent[],
): Promise<void> => {
  const ids = new Set(events.map(conversationOf).filter((id): id is string => id !== null));
  const buckets = new Set(events.flatMap(bucketsOf));
  if (ids.size === 0) return;
  const windowMs = deps.config.statsDebounceMs;
  const now = Date.now();
  const window = Math.floor(now / windowMs);
  const delayMs = (window + 1) * windowMs - now;
  const enqueue = async (name: string, payload: object, jobId: string, what: object) => {
    const seen = alreadyEnqueued(deps.queue, window);
    if (seen.has(jobId)) return;
    try {
      await deps.queue.enqueue(name, payload, { jobId, delayMs, attempts: 5 });
      seen.add(jobId);
    } catch (err) {
      // The reconciler at the next start finds the stale row: losing this enqueue loses nothing for good.
      deps.log.warn({ tenantId, ...what, err: err instanceof Error ? err.message : String(err) }, 'stats refresh enqueue failed');
    }
  };
  // Concurrent, so a transaction touching many conversations costs one round trip, not one each:
  // a webhook is acknowledged only after this.
  await Promise.all([
    ...[...ids].map((conversationId) => enqueue(CONVERSATION_STATS_JOB, { tenantId, conversationId }, `${conversationId}.${window}`, { conversationId })),
    ...[...buckets].map((bucketStart) => enqueue(ACTIVITY_VOLUME_JOB, { tenantId, bucketStart }, `${tenantId}.${bucketStart}.${window}`, { bucketStart })),
  ]);
};

/**
 * The job ids this process enqueued in the current window. A repeat would be a no-op in the queue
 * (same id) but still a round trip, and a busy conversation asks once per message. The job runs
 * at the window's end, so within the window it is still waiting and skipping the repeat is safe.
 */
const enqueuedIn = new WeakMap<object, { window: number; ids: Set<string> }>();

const alreadyEnqueued = (queue: object, window: number): Set<string> => {
  let entry = enqueuedIn.get(queue);
  if (!entry || entry.window !== window) enqueuedIn.set(queue, (entry = { window, ids: new Set() }));
  return entry.ids;
};

export const conversationStatsJob = (deps: Deps) => async (payload: unknown) => {
  const p = ZPayload.parse(payload);
  await writeConversationStats(deps.db, p.tenantId, [p.conversationId]);
};

export const activityVolumeJob = (deps: Deps) => async (payload: unknown) => {
  const p = ZVolumePayload.parse(payload);
  await refreshVolume(deps.db, p.tenantId, new Date(p.bucketStart), new Date(p.bucketStart + VOLUME_BUCKET_MS));
};
