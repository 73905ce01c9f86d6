import { conversationStats } from '../../../src/domain/metrics/conversation-stats.ts';
import type { Db } from '../../db/client.ts';
import { loadHistories } from './load-histories.ts';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/**
 * Recomputes the analytics rows of these conversations of one tenant from their source rows and
 * upserts them in one statement. Idempotent: running it twice, or for a conversation that did not
 * change, writes the same row. Two refreshes of one conversation racing each other cannot leave
 * the older reading in place: the row remembers when its sources were read (`computedAt`, taken
 * before reading) and an upsert only replaces a row read no later than its own.
 * Returns how many rows it wrote.
 */
export const writeConversationStats = async (db: Db, tenantId: string, ids: string[]): Promise<number> => {
  if (ids.length === 0) return 0;
  const [{ now }] = (await db.$queryRaw<Array<{ now: Date }>>`SELECT clock_timestamp() AS now`) as [{ now: Date }];
  const loaded = await loadHistories(db, tenantId, ids);
  if (loaded.length === 0) return 0;
  const rows = loaded.map(({ history, updatedAt }) => {
    const s = conversationStats(history);
    return {
      conversationId: history.id,
      createdAt: iso(s.createdAt),
      resolvedAt: iso(s.resolvedAt),
      initialOwner: s.initialOwner,
      currentOwner: s.currentOwner,
      ownerSince: iso(s.ownerSince),
      botMs: s.botMs,
      humanMs: s.humanMs,
      queueMs: s.queueMs,
      everAi: s.everAi,
      everHuman: s.everHuman,
      takenOver: s.takenOver,
      handedBack: s.handedBack,
      aiResolved: s.aiResolved,
      escalationReasons: s.escalationReasons,
      handoffAt: iso(s.handoffAt),
      humanFirstResponseMs: s.humanFirstResponseMs,
      firstResponderId: s.firstResponderId,
      resolutionMs: s.resolutionMs,
      aiResponseMs: s.aiResponseMs,
      aiResponseMaxMs: s.aiResponseMs.length === 0 ? null : Math.max(...s.aiResponseMs),
      humanOwnerIds: s.humanOwnerIds,
      takeoverActorIds: s.takeoverActorIds,
      replySenderIds: s.replies.map(([id]) => id),
      replySenderCounts: s.replies.map(([, n]) => n),
      personaIds: s.personaReplies.map(([id]) => id),
      personaReplyCounts: s.personaReplies.map(([, n]) => n),
      sourceUpdatedAt: updatedAt.toISOString(),
    };
  });
  return db.$executeRaw`
    INSERT INTO "ConversationStats" AS s (
      "conversationId", "tenantId", "createdAt", "resolvedAt", "initialOwner", "currentOwner", "ownerSince", "botMs", "humanMs", "queueMs",
      "everAi", "everHuman", "takenOver", "handedBack", "aiResolved", "escalationReasons", "handoffAt", "humanFirstResponseMs", "firstResponderId",
      "resolutionMs", "aiResponseMs", "aiResponseMaxMs", "humanOwnerIds", "takeoverActorIds", "replySenderIds", "replySenderCounts", "personaIds",
      "personaReplyCounts", "sourceUpdatedAt", "computedAt")
    SELECT r."conversationId", ${tenantId}::uuid, r."createdAt", r."resolvedAt", r."initialOwner", r."currentOwner", r."ownerSince", r."botMs", r."humanMs", r."queueMs",
      r."everAi", r."everHuman", r."takenOver", r."handedBack", r."aiResolved", r."escalationReasons", r."handoffAt", r."humanFirstResponseMs", r."firstResponderId",
      r."resolutionMs", r."aiResponseMs", r."aiResponseMaxMs", r."humanOwnerIds", r."takeoverActorIds", r."replySenderIds", r."replySenderCounts", r."personaIds",
      r."personaReplyCounts", r."sourceUpdatedAt", ${now}
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(
      "conversationId" uuid, "createdAt" timestamp, "resolvedAt" timestamp, "initialOwner" "ConversationOwner", "currentOwner" "ConversationOwner",
      "ownerSince" timestamp, "botMs" float8, "humanMs" float8, "queueMs" float8, "everAi" boolean, "everHuman" boolean, "takenOver" boolean,
      "handedBack" boolean, "aiResolved" boolean, "escalationReasons" text[], "handoffAt" timestamp, "humanFirstResponseMs" float8,
      "firstResponderId" uuid, "resolutionMs" float8, "aiResponseMs" float8[], "aiResponseMaxMs" float8, "humanOwnerIds" uuid[],
      "takeoverActorIds" uuid[], "replySenderIds" uuid[], "replySenderCounts" int[], "personaIds" uuid[], "personaReplyCounts" int[],
      "sourceUpdatedAt" timestamp)
    ON CONFLICT ("conversationId") DO UPDATE SET
      "resolvedAt" = EXCLUDED."resolvedAt", "initialOwner" = EXCLUDED."initialOwner", "currentOwner" = EXCLUDED."currentOwner",
      "ownerSince" = EXCLUDED."ownerSince", "botMs" = EXCLUDED."botMs", "humanMs" = EXCLUDED."humanMs", "queueMs" = EXCLUDED."queueMs",
      "everAi" = EXCLUDED."everAi", "everHuman" = EXCLUDED."everHuman", "takenOver" = EXCLUDED."takenOver", "handedBack" = EXCLUDED."handedBack",
      "aiResolved" = EXCLUDED."aiResolved", "escalationReasons" = EXCLUDED."escalationReasons", "handoffAt" = EXCLUDED."handoffAt",
      "humanFirstResponseMs" = EXCLUDED."humanFirstResponseMs", "firstResponderId" = EXCLUDED."firstResponderId",
      "resolutionMs" = EXCLUDED."resolutionMs", "aiResponseMs" = EXCLUDED."aiResponseMs", "aiResponseMaxMs" = EXCLUDED."aiResponseMaxMs",
      "humanOwnerIds" = EXCLUDED."humanOwnerIds", "takeoverActorIds" = EXCLUDED."takeoverActorIds", "replySenderIds" = EXCLUDED."replySenderIds",
      "replySenderCounts" = EXCLUDED."replySenderCounts", "personaIds" = EXCLUDED."personaIds", "personaReplyCounts" = EXCLUDED."personaReplyCounts",
      "sourceUpdatedAt" = EXCLUDED."sourceUpdatedAt", "computedAt" = EXCLUDED."computedAt"
    WHERE s."computedAt" <= EXCLUDED."computedAt" AND s."tenantId" = EXCLUDED."tenantId"`;
};
