import type { LiveSnapshotDto } from '../../../src/contracts/dashboard.ts';
import type { Deps } from '../../deps.ts';
import { joinLiveHub } from './live-hub.ts';

/**
 * The live operations snapshot: the current one at once, then a new one each time an event (or
 * a presence change) moves a number. A slow client skips to the latest; it never queues stale ones.
 */
export async function* watchLive(deps: Deps, { tenantId, timeZone, signal }: { tenantId: string; timeZone: string; signal: AbortSignal }): AsyncGenerator<LiveSnapshotDto> {
  let latest: LiveSnapshotDto | null = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  const leave = await joinLiveHub(deps, tenantId, timeZone, (snapshot) => {
    latest = snapshot;
    notify();
  });
  signal.addEventListener('abort', notify, { once: true });
  try {
    while (!signal.aborted) {
      if (latest) {
        const next: LiveSnapshotDto = latest;
        latest = null;
        yield next;
        continue;
      }
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    signal.removeEventListener('abort', notify);
    leave();
  }
}
