import type { Tx } from '../db/client.ts';
import type { Conversation } from '../db/generated/client.ts';

/**
 * The statements an inbound message needs on its hot path (an existing conversation, the common
 * case), each one round trip where Prisma's model API takes two or three (a lookup and then the
 * write; an update and then re-reads for its `include`). Ingest runs inside a transaction that
 * ends on the tenant's event-counter lock, so every round trip here is paid by every writer of
 * the tenant.
 */

/** Whether the provider message is already stored, and the sender's contact if there is one: one query. */
export const lookupSender = async (
  tx: Tx,
  tenantId: string,
  providerMessageId: string,
  phone: string,
): Promise<{ duplicate: boolean; contact: { id: string; name: string; waId: string | null } | null }> => {
  const [row] = await tx.$queryRaw<Array<{ duplicateId: string | null; id: string | null; name: string | null; waId: string | null }>>`
    SELECT (SELECT m.id FROM "Message" m WHERE m."tenantId" = ${tenantId}::uuid AND m."providerMessageId" = ${providerMessageId}) AS "duplicateId",
           c.id, c.name, c."waId"
    FROM (SELECT 1) AS one
    LEFT JOIN "Contact" c ON c."tenantId" = ${tenantId}::uuid AND c.phone = ${phone}`;
  return {
    duplicate: row?.duplicateId != null,
    contact: row?.id ? { id: row.id, name: row.name ?? '', waId: row.waId } : null,
  };
};

/**
 * Moves an existing conversation for a new customer message: reopened, one more unread, and the
 * inbox row's preview and time only when the message is the newest (providers deliver out of
 * order); a newer customer message makes the AI's ready suggestions stale. Null when the
 * conversation does not exist yet. The right-hand sides read the row as it was, so every
 * "newest" test compares with the previous last message.
 */
export const touchConversationForInbound = async (
  tx: Tx,
  { tenantId, channelId, contactId, at, preview }: { tenantId: string; channelId: string; contactId: string; at: Date; preview: string },
): Promise<Conversation | null> => {
  const [row] = await tx.$queryRaw<Conversation[]>`
    WITH conv AS (
      UPDATE "Conversation" SET
        "status" = 'OPEN',
        "unreadCount" = "unreadCount" + 1,
        "lastInboundAt" = CASE WHEN "lastInboundAt" > ${at}::timestamp(3) THEN "lastInboundAt" ELSE ${at}::timestamp(3) END,
        "lastMessageAt" = CASE WHEN ${at}::timestamp(3) >= "lastMessageAt" THEN ${at}::timestamp(3) ELSE "lastMessageAt" END,
        "lastMessagePreview" = CASE WHEN ${at}::timestamp(3) >= "lastMessageAt" THEN ${preview} ELSE "lastMessagePreview" END,
        "lastMessageDirection" = CASE WHEN ${at}::timestamp(3) >= "lastMessageAt" THEN 'INBOUND'::"MessageDirection" ELSE "lastMessageDirection" END,
        "lastMessageFromAi" = CASE WHEN ${at}::timestamp(3) >= "lastMessageAt" THEN false ELSE "lastMessageFromAi" END,
        "updatedAt" = now()
      WHERE "channelId" = ${channelId}::uuid AND "contactId" = ${contactId}::uuid AND "tenantId" = ${tenantId}::uuid
      RETURNING *
    ), stale AS (
      UPDATE "AiDraft" SET "status" = 'STALE', "updatedAt" = now()
      WHERE "tenantId" = ${tenantId}::uuid AND "conversationId" IN (SELECT id FROM conv) AND "status" = 'READY'
    )
    SELECT id, "tenantId", "channelId", "contactId", "status"::text AS "status", "owner"::text AS "owner", "ownerVersion", "assigneeId",
           "lastMessageAt", "lastMessagePreview", "lastMessageDirection"::text AS "lastMessageDirection", "lastMessageFromAi",
           "lastInboundAt", "unreadCount", "resolvedAt", "createdAt", "updatedAt"
    FROM conv`;
  return row ?? null;
};
