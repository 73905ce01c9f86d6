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
export const scheduleStatsRefresh = async (deps: Pick<Deps, 'queue' | 'config' | 'log'>, tenantId: string, events: TenantEvent[]): Promise<void> => {
  const ids = new Set(events.map(conversationOf).filter((id): id is string => id !== null));
  const buckets = new Set(events.flatMap(bucketsOf));
  if (ids.size === 0) return;
  const windowMs = deps.config.statsDebounceMs;
  const now = Date.now();
  const window = Math.floor(now / windowMs);
  const delayMs = (window + 1) * windowMs - now;
  for (const conversationId of ids) {
    try {
      await deps.queue.enqueue(CONVERSATION_STATS_JOB, { tenantId, conversationId }, { jobId: `${conversationId}.${window}`, delayMs, attempts: 5 });
    } catch (err) {
      // The reconciler at the next start finds the stale row: losing this enqueue loses nothing for good.
      deps.log.warn({ tenantId, conversationId, err: err instanceof Error ? err.message : String(err) }, 'stats refresh enqueue failed');
    }
  }
  for (const bucketStart of buckets) {
    try {
      await deps.queue.enqueue(ACTIVITY_VOLUME_JOB, { tenantId, bucketStart }, { jobId: `${tenantId}.${bucketStart}.${window}`, delayMs, attempts: 5 });
    } catch (err) {
      // A lost recount of a recent bucket is redone by the reconciler at the next start.
      deps.log.warn({ tenantId, bucketStart, err: err instanceof Error ? err.message : String(err) }, 'volume refresh enqueue failed');
    }
  }
};

export const conversationStatsJob = (deps: Deps) => async (payload: unknown) => {
  const p = ZPayload.parse(payload);
  await writeConversationStats(deps.db, p.tenantId, [p.conversationId]);
};

export const activityVolumeJob = (deps: Deps) => async (payload: unknown) => {
  const p = ZVolumePayload.parse(payload);
  await refreshVolume(deps.db, p.tenantId, new Date(p.bucketStart), new Date(p.bucketStart + VOLUME_BUCKET_MS));
};
