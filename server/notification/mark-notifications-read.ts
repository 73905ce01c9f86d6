import { AppError } from '../../src/errors.ts';
import type { Deps } from '../deps.ts';
import { writeWithEvents } from '../realtime/write-with-events.ts';

/**
 * Marks some of the caller's notifications read. An id that is not theirs (another member's, or
 * another workspace's) is NOT_FOUND, like an unknown one, and nothing changes.
 */
export const markNotificationsRead = (deps: Deps, o: { tenantId: string; userId: string; notificationIds: string[] }): Promise<{ unreadCount: number }> =>
  writeWithEvents(deps, o.tenantId, async (tx) => {
    const ids = [...new Set(o.notificationIds)];
    const mine = await tx.notification.count({ where: { tenantId: o.tenantId, userId: o.userId, id: { in: ids } } });
    if (mine !== ids.length) throw new AppError('NOT_FOUND', { userMessage: 'Notification not found.' });
    await tx.notification.updateMany({ where: { tenantId: o.tenantId, userId: o.userId, id: { in: ids }, readAt: null }, data: { readAt: new Date() } });
    const unreadCount = await tx.notification.count({ where: { tenantId: o.tenantId, userId: o.userId, readAt: null } });
    return { result: { unreadCount }, events: [{ type: 'notification.read', actorId: o.userId, payload: { userId: o.userId, notificationIds: ids, unreadCount } }] };
  });

export const markAllNotificationsRead = (deps: Deps, o: { tenantId: string; userId: string }): Promise<{ unreadCount: number }> =>
  writeWithEvents(deps, o.tenantId, async (tx) => {
    const { count } = await tx.notification.updateMany({ where: { tenantId: o.tenantId, userId: o.userId, readAt: null }, data: { readAt: new Date() } });
    if (count === 0) return { result: { unreadCount: 0 }, events: [] };
    return { result: { unreadCount: 0 }, events: [{ type: 'notification.read', actorId: o.userId, payload: { userId: o.userId, notificationIds: null, unreadCount: 0 } }] };
  });
