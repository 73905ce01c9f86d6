import { useCallback, useEffect, useRef } from 'react';

const RESUBSCRIBE_AFTER_MS = 3_000;
/** Until the server says its TTL. */
const DEFAULT_TTL_MS = 12_000;
/** Heartbeats are never batched with the user's own calls (see lib/trpc.ts). */
export const ALONE = { context: { skipBatch: true } };

type Heartbeat<S extends string> = {
  /** What the heartbeats are about (a conversation or a ticket): a new key starts over. */
  key: string;
  /** The resting state, and the one an active state falls back to after `idleAfterMs`. */
  idle: S;
  idleAfterMs: number;
  beat: (state: S) => Promise<{ ttlMs: number }>;
  leave: () => Promise<unknown>;
};

/**
 * Presence heartbeats for one open thing: a beat at once and every TTL/3 while it is open, and at
 * once when the state changes; `leave` when it closes. A missed `leave` (a closed tab) lapses by
 * itself with the TTL. Returns `setState`: call it on every keystroke (cheap: only a change of
 * state sends a beat), or with null when done.
 */
export const usePresenceHeartbeat = <S extends string>({ key, idle, idleAfterMs, beat: send, leave }: Heartbeat<S>) => {
  const calls = useRef({ send, leave });
  calls.current = { send, leave };
  const state = useRef<S>(idle);
  const ttl = useRef(DEFAULT_TTL_MS);
  const renewTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const idleTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const open = useRef(false);

  const beat = useCallback(() => {
    clearTimeout(renewTimer.current);
    if (!open.current) return;
    calls.current
      .send(state.current)
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
  }, []);

  useEffect(() => {
    // This key's leave, not whatever the render that replaces it holds by cleanup time.
    const leaveThis = calls.current.leave;
    open.current = true;
    state.current = idle;
    beat();
    return () => {
      open.current = false;
      clearTimeout(renewTimer.current);
      clearTimeout(idleTimer.current);
      leaveThis().catch(() => {
        // Gone anyway within the TTL.
      });
    };
  }, [key, idle, beat]);

  const setState = useCallback(
    (active: S | null) => {
      clearTimeout(idleTimer.current);
      if (active !== null && active !== idle) idleTimer.current = setTimeout(() => setState(null), idleAfterMs);
      const next = active ?? idle;
      if (next === state.current) return;
      state.current = next;
      beat();
    },
    [beat, idle, idleAfterMs],
  );
  return setState;
};

/** A presence watch that failed (a dropped socket mid-handshake) subscribes again after a pause. */
export const useResubscribeOnError = ({ status, reset }: { status: string; reset: () => void }) => {
  useEffect(() => {
    if (status !== 'error') return;
    const timer = setTimeout(reset, RESUBSCRIBE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [status, reset]);
};
