import type { NotificationDto, NotificationKind } from '../../src/contracts/ticket.ts';
import type { Notification } from '../db/generated/client.ts';

export const toNotificationDto = (
  n: Notification,
  ticket: { id: string; number: number; subject: string },
  actor: { id: string; name: string } | null,
): NotificationDto => ({
  id: n.id,
  userId: n.userId,
  kind: n.kind as NotificationKind,
  ticket,
  actor,
  createdAt: n.createdAt.toISOString(),
  readAt: n.readAt ? n.readAt.toISOString() : null,
});
