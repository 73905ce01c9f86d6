import { ZListNotificationsInput, ZMarkNotificationsReadInput } from '../../src/contracts/ticket.ts';
import { t } from '../trpc/init.ts';
import { agentProcedure } from '../trpc/procedures.ts';
import { listNotifications, unreadNotificationCount } from './list-notifications.ts';
import { markAllNotificationsRead, markNotificationsRead } from './mark-notifications-read.ts';

/** The caller's own notifications only: the user id comes from the session. */
export const notificationRouter = t.router({
  list: agentProcedure.input(ZListNotificationsInput).query(({ ctx, input }) => listNotifications(ctx.deps, { ...input, tenantId: ctx.tenantId, userId: ctx.user.id })),
  unreadCount: agentProcedure.query(({ ctx }) => unreadNotificationCount(ctx.deps, { tenantId: ctx.tenantId, userId: ctx.user.id })),
  markRead: agentProcedure
    .input(ZMarkNotificationsReadInput)
    .mutation(({ ctx, input }) => markNotificationsRead(ctx.deps, { ...input, tenantId: ctx.tenantId, userId: ctx.user.id })),
  markAllRead: agentProcedure.mutation(({ ctx }) => markAllNotificationsRead(ctx.deps, { tenantId: ctx.tenantId, userId: ctx.user.id })),
});
