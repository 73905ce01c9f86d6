import { useCallback } from 'react';
import { trpc } from '../../../lib/trpc.ts';
import { ALONE, usePresenceHeartbeat, useResubscribeOnError } from '../../../lib/use-presence-heartbeat.ts';

export type PresenceState = 'viewing' | 'typing_reply' | 'typing_note';
export type Viewer = { userId: string; name: string; state: PresenceState };

/** Typing counts as typing until this long after the last keystroke. */
const TYPING_IDLE_MS = 4_000;

/** Presence in one conversation: our heartbeats while it is open, and who else is here. */
export const usePresence = (conversationId: string, meId: string) => {
  const utils = trpc.useUtils();
  const setState = usePresenceHeartbeat<PresenceState>({
    key: conversationId,
    idle: 'viewing',
    idleAfterMs: TYPING_IDLE_MS,
    beat: (state) => utils.client.presence.beat.mutate({ conversationId, state }, ALONE),
    leave: () => utils.client.presence.leave.mutate({ conversationId }, ALONE),
  });
  /** Call on every keystroke, or with null when done. */
  const setTyping = useCallback((kind: 'reply' | 'note' | null) => setState(kind === 'reply' ? 'typing_reply' : kind === 'note' ? 'typing_note' : null), [setState]);

  const watch = trpc.presence.watch.useSubscription({ conversationId });
  useResubscribeOnError(watch);
  const viewers: Viewer[] = (watch.data ?? []).filter((v) => v.userId !== meId);
  return { viewers, setTyping };
};
