import type { EventDraft, TenantEvent } from '../../src/contracts/events.ts';
import type { Db, Tx } from '../db/client.ts';
import type { Prisma } from '../db/generated/client.ts';

/**
 * Appends events inside the caller's transaction. Bumping the tenant's counter row takes its row
 * lock until commit, so a later sequence number can never commit before an earlier one: readers
 * that see seq N can rely on every seq < N being visible too.
 */
export const appendEvents = async (tx: Tx, tenantId: string, drafts: EventDraft[]): Promise<TenantEvent[]> => {
  if (drafts.length === 0) return [];
  const [counter] = await tx.$queryRaw<{ lastSeq: bigint }[]>`
    UPDATE "EventCounter" SET "lastSeq" = "lastSeq" + ${drafts.length}
    WHERE "tenantId" = ${tenantId}::uuid
    RETURNING "lastSeq"`;
  if (!counter) throw new Error(`No event counter for tenant ${tenantId}`);
  const first = Number(counter.lastSeq) - drafts.length + 1;
  const createdAt = new Date();
  const events: TenantEvent[] = drafts.map((draft, i) => ({
    ...draft,
    tenantId,
    seq: first + i,
    createdAt: createdAt.toISOString(),
  }));
  await tx.event.createMany({
    data: events.map((e) => ({
      tenantId,
      seq: BigInt(e.seq),
      type: e.type,
      actorId: e.actorId,
      payload: e.payload as Prisma.InputJsonValue,
      createdAt,
    })),
  });
  return events;
};

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
