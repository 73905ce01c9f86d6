import type { ListTicketsInput, TicketPageDto, TicketSort } from '../../src/contracts/ticket.ts';
import { AppError } from '../../src/errors.ts';
import type { Prisma } from '../db/generated/client.ts';
import type { Deps } from '../deps.ts';
import { ticketInclude, toTicketDto } from './ticket-dto.ts';
import { requireTicketConversation } from './ticket-refs.ts';

/**
 * Keyset position: the sort key of the last row (ISO date, rank, or null for "no SLA due") and
 * its number, which is unique per workspace and breaks ties.
 */
type Cursor = { s: TicketSort; v: string | number | null; n: number };

const invalidCursor = () => new AppError('INVALID_INPUT', { userMessage: 'That page link is no longer valid. Reload the list.' });

const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');
const decodeCursor = (raw: string, sort: TicketSort): Cursor => {
  let parsed: Cursor;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Cursor;
  } catch {
    throw invalidCursor();
  }
  const valueOk =
    sort === 'priority' ? typeof parsed.v === 'number' : sort === 'created' ? true : parsed.v === null || (typeof parsed.v === 'string' && !Number.isNaN(Date.parse(parsed.v)));
  if (parsed.s !== sort || !Number.isInteger(parsed.n) || !valueOk) throw invalidCursor();
  return parsed;
};

export const ticketWhere = (tenantId: string, userId: string, f: Omit<ListTicketsInput, 'sort' | 'cursor' | 'limit'>): Prisma.TicketWhereInput => {
  const search = f.search?.trim();
  const asNumber = search && /^#?\d{1,9}$/.test(search) ? Number(search.replace('#', '')) : null;
  return {
    tenantId,
    ...(f.status?.length ? { status: { in: f.status } } : {}),
    ...(f.priority?.length ? { priority: { in: f.priority } } : {}),
    ...(f.assignee === 'me' ? { assigneeId: userId } : f.assignee === 'unassigned' ? { assigneeId: null } : f.assignee ? { assigneeId: f.assignee } : {}),
    ...(f.slaState?.length ? { slaState: { in: f.slaState } } : {}),
    ...(f.tag ? { tags: { has: f.tag } } : {}),
    ...(f.conversationId ? { conversationId: f.conversationId } : {}),
    ...(search
      ? { OR: [...(asNumber !== null ? [{ number: asNumber }] : []), { subject: { contains: search, mode: 'insensitive' as const } }] }
      : {}),
  };
};

/** Rows after the cursor in the sort's order. */
const afterCursor = (c: Cursor): Prisma.TicketWhereInput => {
  switch (c.s) {
    case 'created':
      return { number: { lt: c.n } };
    case 'updated': {
      const at = new Date(c.v as string);
      return { OR: [{ updatedAt: { lt: at } }, { updatedAt: at, number: { lt: c.n } }] };
    }
    case 'priority': {
      const rank = c.v as number;
      return { OR: [{ priorityRank: { lt: rank } }, { priorityRank: rank, number: { lt: c.n } }] };
    }
    case 'sla_due': {
      // Soonest due first, then tickets with no running clock (null) by number.
      if (c.v === null) return { slaDueAt: null, number: { gt: c.n } };
      const at = new Date(c.v);
      return { OR: [{ slaDueAt: { gt: at } }, { slaDueAt: at, number: { gt: c.n } }, { slaDueAt: null }] };
    }
  }
};

const orderBy = (sort: TicketSort): Prisma.TicketOrderByWithRelationInput[] => {
  switch (sort) {
    case 'created':
      return [{ number: 'desc' }];
    case 'updated':
      return [{ updatedAt: 'desc' }, { number: 'desc' }];
    case 'priority':
      return [{ priorityRank: 'desc' }, { number: 'desc' }];
    case 'sla_due':
      return [{ slaDueAt: { sort: 'asc', nulls: 'last' } }, { number: 'asc' }];
  }
};

/** One page of tickets with keyset pagination (stable while tickets change) and the real total for the filters. */
export const listTickets = async (deps: Deps, { tenantId, userId, sort, cursor, limit, ...filter }: ListTicketsInput & { tenantId: string; userId: string }): Promise<TicketPageDto> => {
  // Another workspace's conversation is refused like an unknown one, not silently listed as empty.
  if (filter.conversationId) await requireTicketConversation(deps.db, tenantId, filter.conversationId);
  const where = ticketWhere(tenantId, userId, filter);
  const after = cursor ? decodeCursor(cursor, sort) : null;
  const [rows, total] = await Promise.all([
    deps.db.ticket.findMany({ where: after ? { AND: [where, afterCursor(after)] } : where, orderBy: orderBy(sort), take: limit + 1, include: ticketInclude }),
    deps.db.ticket.count({ where }),
  ]);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const keyOf = (r: (typeof rows)[number]): Cursor['v'] =>
    sort === 'updated' ? r.updatedAt.toISOString() : sort === 'priority' ? r.priorityRank : sort === 'sla_due' ? (r.slaDueAt?.toISOString() ?? null) : null;
  return {
    items: page.map(toTicketDto),
    nextCursor: rows.length > limit && last ? encodeCursor({ s: sort, v: keyOf(last), n: last.number }) : null,
    total,
  };
};

export const listTicketTags = async (deps: Deps, { tenantId }: { tenantId: string }): Promise<string[]> => {
  const rows = await deps.db.$queryRaw<Array<{ tag: string }>>`
    SELECT DISTINCT unnest(tags) AS tag FROM "Ticket" WHERE "tenantId" = ${tenantId}::uuid ORDER BY tag LIMIT 500`;
  return rows.map((r) => r.tag);
};
