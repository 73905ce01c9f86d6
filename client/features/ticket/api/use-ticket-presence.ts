import { useCallback } from 'react';
import { trpc } from '../../../lib/trpc.ts';
import { ALONE, usePresenceHeartbeat, useResubscribeOnError } from '../../../lib/use-presence-heartbeat.ts';

export type TicketViewer = { userId: string; name: string; state: 'viewing' | 'editing' };

/** Editing counts as editing until this long after the last keystroke. */
const EDITING_IDLE_MS = 5_000;

/**
 * Who else has this ticket open, and whether they are editing it (writing a comment, changing a
 * field). Nothing of this reaches the event log.
 */
export const useTicketPresence = (ticketId: string, meId: string) => {
  const utils = trpc.useUtils();
  const setState = usePresenceHeartbeat<TicketViewer['state']>({
    key: ticketId,
    idle: 'viewing',
    idleAfterMs: EDITING_IDLE_MS,
    beat: (state) => utils.client.presence.beatTicket.mutate({ ticketId, state }, ALONE),
    leave: () => utils.client.presence.leaveTicket.mutate({ ticketId }, ALONE),
  });
  /** Call on every keystroke or field change, or false when done. */
  const setEditing = useCallback((editing: boolean) => setState(editing ? 'editing' : null), [setState]);

  const watch = trpc.presence.watchTicket.useSubscription({ ticketId });
  useResubscribeOnError(watch);
  const viewers: TicketViewer[] = (watch.data ?? [])
    .filter((v) => v.userId !== meId)
    .map((v) => ({ userId: v.userId, name: v.name, state: v.state === 'viewing' ? 'viewing' : 'editing' }));
  return { viewers, setEditing };
};
