import type { Tx } from '../db/client.ts';
import { Prisma, type Conversation } from '../db/generated/client.ts';

/**
 * The statements an inbound message needs on its hot path (an existing conversation, the common
 * case), each one round trip where Prisma's model API takes two or three (a lookup and then the
 * write; an update and then re-reads for its `include`). Ingest runs inside a transaction that
 * ends on the tenant's event-counter lock, so every round trip here is paid by every writer of
 * the tenant.
 */

/**
 * A new customer message moves its conversation: reopened, one more unread, and the inbox row's
 * preview and time only when the message is the newest (providers deliver out of order). The
 * right-hand sides read the row as it was, so every "newest" test compares with the previous
 * last message.
 */
const inboundMove = (at: Date, preview: string) => Prisma.sql`
        "status" = 'OPEN',
        "unreadCount" = "unreadCount" + 1,
        "lastInboundAt" = CASE WHEN "lastInboundAt" > ${at}::timestamp(3) THEN "lastInboundAt" ELSE ${at}::timestamp(3) END,
        "lastMessageAt" = CASE WHEN ${at}::timestamp(3) >= "lastMessageAt" THEN ${at}::timestamp(3) ELSE "lastMessageAt" END,
        "lastMessagePreview" = CASE WHEN ${at}::timestamp(3) >= "lastMessageAt" THEN ${preview} ELSE "lastMessagePreview" END,
        "lastMessageDirection" = CASE WHEN ${at}::timestamp(3) >= "lastMessageAt" THEN 'INBOUND'::"MessageDirection" ELSE "lastMessageDirection" END,
        "lastMessageFromAi" = CASE WHEN ${at}::timestamp(3) >= "lastMessageAt" THEN false ELSE "lastMessageFromAi" END,
        "updatedAt" = now()`;

/** A newer customer message makes the AI's ready suggestions for the moved conversation (`conv`) stale. */
const staleDrafts = (tenantId: string) => Prisma.sql`
      UPDATE "AiDraft" SET "status" = 'STALE', "updatedAt" = now()
      WHERE "tenantId" = ${tenantId}::uuid AND "conversationId" IN (SELECT id FROM conv) AND "status" = 'READY'`;

/** A Conversation row (aliased `c`) as Prisma reads it: enums as text. */
const conversationColumns = Prisma.sql`c.id, c."tenantId", c."channelId", c."contactId", c."status"::text AS "status", c."owner"::text AS "owner", c."ownerVersion",
           c."assigneeId", c."lastMessageAt", c."lastMessagePreview", c."lastMessageDirection"::text AS "lastMessageDirection",
           c."lastMessageFromAi", c."lastInboundAt", c."unreadCount", c."resolvedAt", c."createdAt", c."updatedAt"`;

/** Moves an existing conversation for a new customer message (`inboundMove`, `staleDrafts`); null when it does not exist yet. */
export const touchConversationForInbound = async (
  tx: Tx,
  { tenantId, channelId, contactId, at, preview }: { tenantId: string; channelId: string; contactId: string; at: Date; preview: string },
): Promise<Conversation | null> => {
  const [row] = await tx.$queryRaw<Conversation[]>`
    WITH conv AS (
      UPDATE "Conversation" SET
        ${inboundMove(at, preview)}
      WHERE "channelId" = ${channelId}::uuid AND "contactId" = ${contactId}::uuid AND "tenantId" = ${tenantId}::uuid
      RETURNING *
    ), stale AS (
      ${staleDrafts(tenantId)}
    )
    SELECT ${conversationColumns} FROM conv c`;
  return row ?? null;
};

export type HotInbound = {
  tenantId: string;
  channelId: string;
  phone: string;
  /** Null when the payload carries none; a different one sends the message down the full path to update the contact. */
  profileName: string | null;
  waId: string | null;
  message: { id: string; type: string; body: string; content: unknown; providerMessageId: string; replyToProviderId: string | null; at: Date };
  preview: string;
};

export type HotInboundResult =
  | { kind: 'duplicate' }
  | { kind: 'stored'; conversation: Conversation; contact: { id: string; name: string } }
  /** Nothing written: a first message, a new conversation or a contact to update. The lookup is handed on. */
  | { kind: 'full-path'; contact: { id: string; name: string; waId: string | null } | null };

/**
 * A customer message to an existing conversation of a known contact, the case of nearly every
 * delivery, in one statement: the duplicate check, the contact lookup, the conversation's move
 * (as `touchConversationForInbound`), stale AI drafts and the message insert. Writes nothing unless
 * all of it applies. A concurrent twin meets the message's unique index, as on the full path.
 */
export const storeInboundHot = async (tx: Tx, h: HotInbound): Promise<HotInboundResult> => {
  const { tenantId, channelId, message: m, preview } = h;
  const at = m.at;
  const [row] = await tx.$queryRaw<Array<Conversation & { duplicate: boolean; stored: boolean; senderId: string | null; senderName: string | null; senderWaId: string | null }>>`
    WITH dup AS (
      SELECT 1 FROM "Message" WHERE "tenantId" = ${tenantId}::uuid AND "providerMessageId" = ${m.providerMessageId}
    ), sender AS (
      SELECT id, name, "waId" FROM "Contact" WHERE "tenantId" = ${tenantId}::uuid AND phone = ${h.phone}
    ), conv AS (
      UPDATE "Conversation" SET
        ${inboundMove(at, preview)}
      WHERE "tenantId" = ${tenantId}::uuid AND "channelId" = ${channelId}::uuid
        AND "contactId" = (
          SELECT id FROM sender
          WHERE (${h.profileName}::text IS NULL OR name = ${h.profileName}::text)
            AND (${h.waId}::text IS NULL OR "waId" = ${h.waId}::text)
        )
        AND NOT EXISTS (SELECT 1 FROM dup)
      RETURNING *
    ), stale AS (
      ${staleDrafts(tenantId)}
    ), stored AS (
      INSERT INTO "Message" (id, "tenantId", "conversationId", direction, type, body, content, "providerMessageId", "replyToProviderId", status, "createdAt")
      SELECT ${m.id}::uuid, ${tenantId}::uuid, conv.id, 'INBOUND', ${m.type}, ${m.body}, ${m.content == null ? null : JSON.stringify(m.content)}::jsonb,
             ${m.providerMessageId}, ${m.replyToProviderId}, 'RECEIVED', ${at}::timestamp(3)
      FROM conv
      RETURNING id
    )
    SELECT EXISTS (SELECT 1 FROM dup) AS duplicate, EXISTS (SELECT 1 FROM stored) AS stored,
           s.id AS "senderId", s.name AS "senderName", s."waId" AS "senderWaId",
           ${conversationColumns}
    FROM (SELECT 1) AS one LEFT JOIN sender s ON true LEFT JOIN conv c ON true`;
  if (!row || row.duplicate) return { kind: 'duplicate' };
  const { duplicate: _d, stored, senderId, senderName, senderWaId, ...conversation } = row;
  if (!stored || !senderId) return { kind: 'full-path', contact: senderId ? { id: senderId, name: senderName ?? '', waId: senderWaId } : null };
  return { kind: 'stored', conversation, contact: { id: senderId, name: senderName ?? '' } };
};
