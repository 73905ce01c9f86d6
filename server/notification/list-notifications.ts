import type { NotificationPageDto } from '../../src/contracts/ticket.ts';
import { AppError } from '../../src/errors.ts';
import type { Notification, Prisma } from '../db/generated/client.ts';
import type { Deps } from '../deps.ts';
import { userNames } from '../ticket/ticket-dto.ts';
import { toNotificationDto } from './notification-dto.ts';

type Cursor = { at: string; id: string };
const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');
const decodeCursor = (raw: string): Cursor => {
  try {
    const parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Cursor;
    if (typeof parsed.at === 'string' && typeof parsed.id === 'string' && !Number.isNaN(Date.parse(parsed.at))) return parsed;
  } catch {
    // fall through
  }
  throw new AppError('INVALID_INPUT', { userMessage: 'That page link is no longer valid. Reload the list.' });
};

/** DTOs for rows of one tenant, with their tickets and actors looked up once per page. */
export const toNotificationDtos = async (deps: Pick<Deps, 'db'>, tenantId: string, rows: Notification[]) => {
  const [tickets, actors] = await Promise.all([
    deps.db.ticket.findMany({ where: { tenantId, id: { in: [...new Set(rows.map((r) => r.ticketId))] } }, select: { id: true, number: true, subject: true } }),
    userNames(deps.db, tenantId, rows.map((r) => r.actorId)),
  ]);
  const byId = new Map(tickets.map((t) => [t.id, t]));
  return rows.map((r) => toNotificationDto(r, byId.get(r.ticketId) ?? { id: r.ticketId, number: 0, subject: '' }, r.actorId ? (actors.get(r.actorId) ?? null) : null));
};

/** The caller's notifications, newest first, with the real total and unread count. */
export const listNotifications = async (
  deps: Deps,
  o: { tenantId: string; userId: string; unreadOnly: boolean; cursor?: string | null; limit: number },
): Promise<NotificationPageDto> => {
  const where: Prisma.NotificationWhereInput = { tenantId: o.tenantId, userId: o.userId, ...(o.unreadOnly ? { readAt: null } : {}) };
  const after = o.cursor ? decodeCursor(o.cursor) : null;
  const page: Prisma.NotificationWhereInput = after
    ? { AND: [where, { OR: [{ createdAt: { lt: new Date(after.at) } }, { createdAt: new Date(after.at), id: { lt: after.id } }] }] }
    : where;
  const [rows, total, unread] = await Promise.all([
    deps.db.notification.findMany({ where: page, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: o.limit + 1 }),
    deps.db.notification.count({ where }),
    deps.db.notification.count({ where: { tenantId: o.tenantId, userId: o.userId, readAt: null } }),
  ]);
  const items = rows.slice(0, o.limit);
  const last = items.at(-1);
  return {
    items: await toNotificationDtos(deps, o.tenantId, items),
    nextCursor: rows.length > o.limit && last ? encodeCursor({ at: last.createdAt.toISOString(), id: last.id }) : null,
    total,
    unread,
  };
};

export const unreadNotificationCount = async (deps: Deps, o: { tenantId: string; userId: string }): Promise<{ count: number }> => ({
  count: await deps.db.notification.count({ where: { tenantId: o.tenantId, userId: o.userId, readAt: null } }),
});
