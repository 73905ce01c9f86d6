import { useEffect } from 'react';
import { trpc } from '../../../lib/trpc.ts';

/** No keyboard, pointer or focus for this long (or a hidden tab) makes a person "away" on the supervisors' dashboard. */
const IDLE_MS = 5 * 60_000;
/** Away reports lapse on the server after 90 s; renew well before. */
const RENEW_MS = 45_000;
const ALONE = { context: { skipBatch: true } };
const ACTIVITY = ['pointerdown', 'keydown', 'wheel', 'focus'] as const;

/**
 * Tells the server when this tab's person is away (tab hidden, or idle) and when they are back.
 * Presence itself is the WebSocket: a closed tab is offline without any report.
 */
export const useAwayReporter = () => {
  const utils = trpc.useUtils();
  useEffect(() => {
    let away = false;
    let idleTimer: ReturnType<typeof setTimeout> | undefined;
    let renewTimer: ReturnType<typeof setInterval> | undefined;
    const report = (next: boolean) => {
      if (next === away) return;
      away = next;
      clearInterval(renewTimer);
      const send = () => void utils.client.presence.away.mutate({ away: next }, ALONE).catch(() => {
        // Best effort: the next change or renewal tries again.
      });
      send();
      if (next) renewTimer = setInterval(send, RENEW_MS);
    };
    const active = () => {
      clearTimeout(idleTimer);
      if (document.visibilityState === 'hidden') return report(true);
      report(false);
      idleTimer = setTimeout(() => report(true), IDLE_MS);
    };
    active();
    for (const e of ACTIVITY) window.addEventListener(e, active, { passive: true });
    document.addEventListener('visibilitychange', active);
    return () => {
      clearTimeout(idleTimer);
      clearInterval(renewTimer);
      for (const e of ACTIVITY) window.removeEventListener(e, active);
      document.removeEventListener('visibilitychange', active);
    };
  }, [utils]);
};
