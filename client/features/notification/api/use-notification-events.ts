import { useEffect } from 'react';
import { onTenantEvent } from '../../../lib/event-dispatcher.ts';
import { trpc } from '../../../lib/trpc.ts';
import { addNotification, markRead } from './notification-list.ts';
import { NOTIFICATION_INPUT } from './use-notifications.ts';

/**
 * The bell's live feed. Notification events travel on the workspace's stream, but each is for
 * one member: only mine touch my cache.
 */
export const useNotificationEvents = () => {
  const utils = trpc.useUtils();
  useEffect(
    () =>
      onTenantEvent((event) => {
        const meId = utils.auth.me.getData()?.user.id;
        switch (event.type) {
          case 'notification.created': {
            const { notification } = event.payload;
            if (notification.userId !== meId) return;
            utils.notification.list.setData(NOTIFICATION_INPUT, (page) => page && addNotification(page, notification));
            return;
          }
          case 'notification.read': {
            const { userId, notificationIds, unreadCount } = event.payload;
            if (userId !== meId) return;
            utils.notification.list.setData(NOTIFICATION_INPUT, (page) => page && markRead(page, notificationIds, unreadCount, event.createdAt));
            return;
          }
        }
      }),
    [utils],
  );
};
