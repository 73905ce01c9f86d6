import type { MessageDto } from '../../src/contracts/conversation.ts';
import type { Db, Tx } from '../db/client.ts';
import { Prisma, type Conversation } from '../db/generated/client.ts';
import { appendEventsCtes } from '../realtime/event-log.ts';

/**
 * The statements an inbound message needs on its hot path (an existing conversation, the common
 * case), each one round trip where Prisma's model API takes two or three (a lookup and then the
 * write; an update and then re-reads for its `include`). The hot path is one statement that also
 * appends its event and runs on its own, so the tenant's event-counter lock never waits on the
 * application; the full path runs in a transaction that ends on that lock, so every round trip
 * there is paid by every writer of the tenant.
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

/** Whether the moved conversation (`c`) has a ticket waiting on the customer, whom this message answers. */
const pendingTicket = (tenantId: string) =>
  Prisma.sql`EXISTS (SELECT 1 FROM "Ticket" t WHERE t."tenantId" = ${tenantId}::uuid AND t."conversationId" = c.id AND t.status = 'PENDING') AS "pendingTicket"`;

/** Moves an existing conversation for a new customer message (`inboundMove`, `staleDrafts`); null when it does not exist yet. */
export const touchConversationForInbound = async (
  tx: Tx,
  { tenantId, channelId, contactId, at, preview }: { tenantId: string; channelId: string; contactId: string; at: Date; preview: string },
): Promise<{ conversation: Conversation; pendingTicket: boolean } | null> => {
  const [row] = await tx.$queryRaw<Array<Conversation & { pendingTicket: boolean }>>`
    WITH conv AS (
      UPDATE "Conversation" SET
        ${inboundMove(at, preview)}
      WHERE "channelId" = ${channelId}::uuid AND "contactId" = ${contactId}::uuid AND "tenantId" = ${tenantId}::uuid
      RETURNING *
    ), stale AS (
      ${staleDrafts(tenantId)}
    )
    SELECT ${conversationColumns}, ${pendingTicket(tenantId)} FROM conv c`;
  if (!row) return null;
  const { pendingTicket: pending, ...conversation } = row;
  return { conversation, pendingTicket: pending };
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
  /** `pendingTicket`: the conversation has a ticket waiting on the customer, which this message answers. */
  | { kind: 'stored'; conversation: Conversation; contact: { id: string; name: string }; pendingTicket: boolean }
  /** Nothing written: a first message, a new conversation or a contact to update. The lookup is handed on. */
  | { kind: 'full-path'; contact: { id: string; name: string; waId: string | null } | null };

/** A timestamp(3) column as `Date.toISOString()` writes it (the columns hold UTC). */
const iso = (column: Prisma.Sql) => Prisma.sql`to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * `toConversationDto` in SQL, for the event a statement appends itself: the moved Conversation
 * (aliased `c`) with its sender (aliased `s`). Keep it field for field with the DTO; the ingest
 * tests compare the stored payload with the one published from `toConversationDto`.
 */
const conversationDtoJson = (phone: string) => Prisma.sql`jsonb_build_object(
        'id', c.id, 'channelId', c."channelId",
        'contact', jsonb_build_object('id', s.id, 'name', s.name, 'phone', ${phone}::text),
        'status', c."status", 'owner', c."owner", 'ownerVersion', c."ownerVersion", 'assigneeId', c."assigneeId",
        'lastMessageAt', ${iso(Prisma.sql`c."lastMessageAt"`)}, 'lastMessagePreview', c."lastMessagePreview",
        'lastMessageDirection', c."lastMessageDirection", 'lastMessageFromAi', c."lastMessageFromAi",
        'lastInboundAt', ${iso(Prisma.sql`c."lastInboundAt"`)}, 'unreadCount', c."unreadCount", 'createdAt', ${iso(Prisma.sql`c."createdAt"`)})`;

/**
 * The `message.created` event of a hot store, appended by the same statement: its message DTO
 * (everything but `conversationId`, which only the statement knows) and the event's time.
 */
export type HotEvent = { createdAt: string; message: Omit<MessageDto, 'conversationId'> };

type HotRow = Conversation & {
  duplicate: boolean;
  stored: boolean;
  seq: bigint | null;
  senderId: string | null;
  senderName: string | null;
  senderWaId: string | null;
  pendingTicket: boolean;
};

/**
 * A customer message to an existing conversation of a known contact, the case of nearly every
 * delivery, in one statement: the duplicate check, the contact lookup, the conversation's move
 * (as `touchConversationForInbound`), stale AI drafts and the message insert, and with `event` its
 * `message.created` event too (`appendEventsCtes`). Writes nothing unless all of it applies. A
 * concurrent twin meets the message's unique index, as on the full path.
 */
const hotStatement = (db: Tx | Db, h: HotInbound, event: HotEvent | null) => {
  const { tenantId, channelId, message: m, preview } = h;
  const at = m.at;
  // The drafts update reports its rows only so the counter's condition reads it: row locks first, counter last.
  const append = event
    ? Prisma.sql`, ${appendEventsCtes({
        tenantId,
        count: 1,
        when: Prisma.sql`EXISTS (SELECT 1 FROM stored) AND (SELECT count(*) FROM stale) >= 0`,
        rows: Prisma.sql`
          SELECT 1 AS ord, 'message.created'::text AS type, NULL::uuid AS "actorId",
                 jsonb_build_object('message', ${JSON.stringify(event.message)}::jsonb || jsonb_build_object('conversationId', c.id), 'conversation', ${conversationDtoJson(h.phone)}) AS payload
          FROM stored JOIN conv c ON c.id = stored."conversationId" JOIN sender s ON s.id = c."contactId"`,
        createdAt: event.createdAt,
      })}`
    : Prisma.empty;
  return db.$queryRaw<HotRow[]>`
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
      RETURNING 1
    ), stored AS (
      INSERT INTO "Message" (id, "tenantId", "conversationId", direction, type, body, content, "providerMessageId", "replyToProviderId", status, "createdAt")
      SELECT ${m.id}::uuid, ${tenantId}::uuid, conv.id, 'INBOUND', ${m.type}, ${m.body}, ${m.content == null ? null : JSON.stringify(m.content)}::jsonb,
             ${m.providerMessageId}, ${m.replyToProviderId}, 'RECEIVED', ${at}::timestamp(3)
      FROM conv
      RETURNING id, "conversationId"
    )${append}
    SELECT EXISTS (SELECT 1 FROM dup) AS duplicate, EXISTS (SELECT 1 FROM stored) AS stored,
           ${event ? Prisma.sql`(SELECT seq FROM appended)` : Prisma.sql`NULL::bigint`} AS seq,
           s.id AS "senderId", s.name AS "senderName", s."waId" AS "senderWaId",
           ${pendingTicket(tenantId)},
           ${conversationColumns}
    FROM (SELECT 1) AS one LEFT JOIN sender s ON true LEFT JOIN conv c ON true`;
};

const toResult = (row: HotRow | undefined): HotInboundResult & { seq: number | null } => {
  if (!row || row.duplicate) return { kind: 'duplicate', seq: null };
  const { duplicate: _d, stored, seq, senderId, senderName, senderWaId, pendingTicket, ...conversation } = row;
  if (!stored || !senderId) return { kind: 'full-path', contact: senderId ? { id: senderId, name: senderName ?? '', waId: senderWaId } : null, seq: null };
  return { kind: 'stored', conversation, contact: { id: senderId, name: senderName ?? '' }, pendingTicket, seq: seq === null ? null : Number(seq) };
};

/** The hot store inside a caller's transaction, which appends its events itself (the full path's first try). */
export const storeInboundHot = async (tx: Tx, h: HotInbound): Promise<HotInboundResult> => {
  const { seq: _seq, ...result } = toResult((await hotStatement(tx, h, null))[0]);
  return result;
};

/**
 * The hot store and its `message.created` event as one statement on its own (autocommit): one
 * round trip, and the tenant's counter lock is held only inside PostgreSQL. `seq` is the event's,
 * when stored. Nothing is written unless the message is stored with its event.
 */
export const storeInboundHotWithEvent = async (db: Db, h: HotInbound, event: HotEvent): Promise<HotInboundResult & { seq: number | null }> => {
  const result = toResult((await hotStatement(db, h, event))[0]);
  if (result.kind === 'stored' && result.seq === null) throw new Error(`Hot store of ${h.message.id} appended no event`);
  return result;
};
