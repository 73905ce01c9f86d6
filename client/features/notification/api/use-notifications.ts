import { trpc } from '../../../lib/trpc.ts';

export const NOTIFICATION_INPUT = { unreadOnly: false, limit: 30 } as const;

/** The newest of my notifications with the unread count. Patched live by use-notification-events. */
export const useNotifications = () => trpc.notification.list.useQuery(NOTIFICATION_INPUT, { staleTime: 5 * 60_000 });

export const useMarkNotificationsRead = () => trpc.notification.markRead.useMutation();
export const useMarkAllNotificationsRead = () => trpc.notification.markAllRead.useMutation();
