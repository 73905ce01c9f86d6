import type { NotificationDto, NotificationPageDto } from '../../../../src/contracts/ticket.ts';

/** A new notification goes on top (once) and counts as unread. */
export const addNotification = (page: NotificationPageDto, n: NotificationDto): NotificationPageDto => {
  if (page.items.some((x) => x.id === n.id)) return page;
  return { ...page, items: [n, ...page.items], total: page.total + 1, unread: page.unread + (n.readAt ? 0 : 1) };
};

/** Marks some (or, with null, all) as read at `readAt`, taking the server's unread count. */
export const markRead = (page: NotificationPageDto, ids: readonly string[] | null, unread: number, readAt: string): NotificationPageDto => {
  const chosen = ids ? new Set(ids) : null;
  return {
    ...page,
    unread,
    items: page.items.map((n) => (!n.readAt && (!chosen || chosen.has(n.id)) ? { ...n, readAt } : n)),
  };
};
