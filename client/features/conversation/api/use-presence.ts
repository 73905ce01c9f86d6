import { useCallback, useEffect, useRef } from 'react';
import { trpc } from '../../../lib/trpc.ts';

export type PresenceState = 'viewing' | 'typing_reply' | 'typing_note';
export type Viewer = { userId: string; name: string; state: PresenceState };

/** Typing counts as typing until this long after the last keystroke. */
const TYPING_IDLE_MS = 4_000;
const RESUBSCRIBE_AFTER_MS = 3_000;
/** Until the server says its TTL. */
const DEFAULT_TTL_MS = 12_000;
/** Heartbeats are never batched with the user's own calls (see lib/trpc.ts). */
const ALONE = { context: { skipBatch: true } };

/**
 * Presence in one conversation: heartbeats while it is open (renewed every TTL/3, and at once when
 * the viewer starts or stops typing), `leave` when it closes, and who else is here from the watch
 * subscription. A missed `leave` (a closed tab) lapses by itself with the TTL.
 */
export const usePresence = (conversationId: string, meId: string) => {
  const utils = trpc.useUtils();
  const state = useRef<PresenceState>('viewing');
  const ttl = useRef(DEFAULT_TTL_MS);
  const renewTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const idleTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const open = useRef(false);

  const beat = useCallback(() => {
    clearTimeout(renewTimer.current);
    if (!open.current) return;
    utils.client.presence.beat
      .mutate({ conversationId, state: state.current }, ALONE)
      .then(({ ttlMs }) => {
        ttl.current = ttlMs;
      })
      .catch(() => {
        // Presence is best effort: the next beat tries again.
      })
      .finally(() => {
        if (!open.current) return;
        clearTimeout(renewTimer.current);
        renewTimer.current = setTimeout(beat, Math.max(500, ttl.current / 3));
      });
  }, [utils, conversationId]);

  useEffect(() => {
    open.current = true;
    state.current = 'viewing';
    beat();
    return () => {
      open.current = false;
      clearTimeout(renewTimer.current);
      clearTimeout(idleTimer.current);
      utils.client.presence.leave.mutate({ conversationId }, ALONE).catch(() => {
        // Gone anyway within the TTL.
      });
    };
  }, [utils, conversationId, beat]);

  /** Call on every keystroke (cheap: only a change of state sends a beat), or with null when done. */
  const setTyping = useCallback(
    (kind: 'reply' | 'note' | null) => {
      clearTimeout(idleTimer.current);
      if (kind) idleTimer.current = setTimeout(() => setTyping(null), TYPING_IDLE_MS);
      const next: PresenceState = kind === 'reply' ? 'typing_reply' : kind === 'note' ? 'typing_note' : 'viewing';
      if (next === state.current) return;
      state.current = next;
      beat();
    },
    [beat],
  );

  const watch = trpc.presence.watch.useSubscription({ conversationId });
  const { status, reset } = watch;
  useEffect(() => {
    if (status !== 'error') return;
    const timer = setTimeout(reset, RESUBSCRIBE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [status, reset]);

  const viewers: Viewer[] = (watch.data ?? []).filter((v) => v.userId !== meId);
  return { viewers, setTyping };
};
