import type { EventDraft, TenantEvent } from '../../src/contracts/events.ts';
import type { Db, Tx } from '../db/client.ts';
import { Prisma } from '../db/generated/client.ts';

/**
 * Appends events inside the caller's transaction. Bumping the tenant's counter row takes its row
 * lock until commit, so a later sequence number can never commit before an earlier one: readers
 * that see seq N can rely on every seq < N being visible too.
 *
 * One statement bumps the counter and inserts the rows: the counter lock serialises a tenant's
 * writers from this statement to commit, so every round trip inside that window caps the
 * tenant's write rate (and a model query here costs ~1 ms of Prisma CPU besides).
 */
export const appendEvents = async (tx: Tx, tenantId: string, drafts: EventDraft[]): Promise<TenantEvent[]> => {
  if (drafts.length === 0) return [];
  const createdAt = new Date().toISOString();
  const rows = JSON.stringify(drafts.map((d) => ({ type: d.type, actorId: d.actorId, payload: d.payload })));
  // "createdAt" is timestamp(3) without zone, holding UTC as Prisma writes it: the ISO string's Z is ignored by the cast.
  const [counter] = await tx.$queryRaw<{ lastSeq: bigint; inserted: bigint }[]>`
    WITH counter AS (
      UPDATE "EventCounter" SET "lastSeq" = "lastSeq" + ${drafts.length}
      WHERE "tenantId" = ${tenantId}::uuid
      RETURNING "lastSeq"
    ), inserted AS (
      INSERT INTO "Event" ("tenantId", "seq", "type", "actorId", "payload", "createdAt")
      SELECT ${tenantId}::uuid, counter."lastSeq" - ${drafts.length} + e.ord, e.type, e."actorId", e.payload, ${createdAt}::timestamp
      FROM counter, ROWS FROM (jsonb_to_recordset(${rows}::jsonb) AS ("type" text, "actorId" uuid, "payload" jsonb)) WITH ORDINALITY AS e("type", "actorId", "payload", ord)
      RETURNING 1
    )
    SELECT "lastSeq", (SELECT count(*) FROM inserted) AS inserted FROM counter`;
  if (!counter) throw new Error(`No event counter for tenant ${tenantId}`);
  const first = Number(counter.lastSeq) - drafts.length + 1;
  return drafts.map((draft, i) => ({ ...draft, tenantId, seq: first + i, createdAt }));
};

/**
 * The same append as two CTEs (`counter`, then `appended`, RETURNING seq) for a statement that also
 * makes the change the events describe and runs on its own, with no explicit transaction: the
 * counter row lock is then taken and released inside PostgreSQL, from this bump to the statement's
 * commit, with no round trip to the application in between. Commit order still equals seq order:
 * the bump commits with the statement.
 *
 * - `when`: a boolean SQL expression over the statement's earlier CTEs saying whether the change
 *   happened. It must read every CTE that takes row locks (the evaluation pulls them first), so the
 *   counter is still locked last, as in `appendEvents` after the transaction's work.
 * - `rows`: a SELECT of (ord 1..count, type, "actorId", payload), empty when `when` is false.
 *
 * A tenant without a counter row fails the whole statement (seq is NOT NULL) instead of storing a
 * change without its events.
 */
export const appendEventsCtes = ({ tenantId, count, when, rows, createdAt }: { tenantId: string; count: number; when: Prisma.Sql; rows: Prisma.Sql; createdAt: string }) => Prisma.sql`
    counter AS (
      UPDATE "EventCounter" SET "lastSeq" = "lastSeq" + ${count}
      WHERE "tenantId" = ${tenantId}::uuid AND (${when})
      RETURNING "lastSeq"
    ), appended AS (
      INSERT INTO "Event" ("tenantId", "seq", "type", "actorId", "payload", "createdAt")
      SELECT ${tenantId}::uuid, counter."lastSeq" - ${count} + e.ord, e.type, e."actorId", e.payload, ${createdAt}::timestamp
      FROM (${rows}) AS e LEFT JOIN counter ON true
      RETURNING seq
    )`;

type EventRow = { tenantId: string; seq: bigint; type: string; actorId: string | null; payload: unknown; createdAt: Date };

const toTenantEvent = (row: EventRow): TenantEvent =>
  ({
    tenantId: row.tenantId,
    seq: Number(row.seq),
    type: row.type,
    actorId: row.actorId,
    payload: row.payload,
    createdAt: row.createdAt.toISOString(),
  }) as TenantEvent;

/** Committed events with afterSeq < seq < beforeSeq (when given), oldest first. */
export const readEvents = async (
  db: Db,
  tenantId: string,
  range: { afterSeq: number; beforeSeq?: number; limit: number },
): Promise<TenantEvent[]> => {
  const rows = await db.event.findMany({
    where: {
      tenantId,
      seq: { gt: BigInt(range.afterSeq), ...(range.beforeSeq === undefined ? {} : { lt: BigInt(range.beforeSeq) }) },
    },
    orderBy: { seq: 'asc' },
    take: range.limit,
  });
  return rows.map(toTenantEvent);
};

/** The newest committed sequence number of a tenant (0 before its first event). */
export const readHeadSeq = async (db: Db, tenantId: string): Promise<number> => {
  const counter = await db.eventCounter.findUnique({ where: { tenantId } });
  return counter ? Number(counter.lastSeq) : 0;
};
