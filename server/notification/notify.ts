import type { EventDraft } from '../../src/contracts/events.ts';
import type { NotificationKind } from '../../src/contracts/ticket.ts';
import type { Tx } from '../db/client.ts';
import { toNotificationDto } from './notification-dto.ts';

export type NotifyOptions = {
  tenantId: string;
  userId: string | null;
  kind: NotificationKind;
  ticket: { id: string; number: number; subject: string };
  actor: { id: string; name: string } | null;
  /** Makes a retried write a no-op instead of a second notification. */
  dedupeKey?: string;
};

/**
 * Writes one member's notification inside the caller's transaction and returns its event (none
 * when there is nobody to notify, the member caused it themselves, or it was already written).
 */
export const notify = async (tx: Tx, o: NotifyOptions): Promise<EventDraft[]> => {
  if (!o.userId || o.userId === o.actor?.id) return [];
  const rows = await tx.notification.createManyAndReturn({
    data: [{ tenantId: o.tenantId, userId: o.userId, kind: o.kind, ticketId: o.ticket.id, actorId: o.actor?.id ?? null, dedupeKey: o.dedupeKey ?? null }],
    skipDuplicates: true,
  });
  const row = rows[0];
  if (!row) return [];
  return [{ type: 'notification.created', actorId: o.actor?.id ?? null, payload: { notification: toNotificationDto(row, o.ticket, o.actor) } }];
};
