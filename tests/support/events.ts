import type { EventDraft, StreamItem, TenantEvent } from '../../src/contracts/events.ts';
import type { Deps } from '../../server/deps.ts';
import { appendEvents } from '../../server/realtime/event-log.ts';
import { publishEvents } from '../../server/realtime/publish-events.ts';

export const markerDraft = (label: string): EventDraft => ({
  type: 'member.invite_revoked',
  actorId: null,
  payload: { inviteId: label },
});

/** Commits one transaction of `count` events through the real log, publishing after commit unless told not to. */
export const commitEvents = async (
  deps: Deps,
  tenantId: string,
  count = 1,
  opts: { publish?: boolean; label?: string } = {},
): Promise<TenantEvent[]> => {
  const drafts = Array.from({ length: count }, (_, i) => markerDraft(`${opts.label ?? 'e'}-${i}`));
  // Generous timeout: a test may commit 10,000+ events in one transaction on a loaded machine.
  const events = await deps.db.$transaction((tx) => appendEvents(tx, tenantId, drafts), { timeout: 60_000 });
  if (opts.publish !== false) await publishEvents(deps, tenantId, events);
  return events;
};

/** The events an item carries (none for `ready` and `resync`). */
export const eventsOf = (item: StreamItem): TenantEvent[] => (item.kind === 'events' ? item.events : []);

/** Collects a subscription's items and lets a test wait until a condition over them holds. */
export class Collector<T> {
  readonly items: T[] = [];
  private waiters: Array<{ check: () => boolean; resolve: () => void }> = [];

  push = (item: T): void => {
    this.items.push(item);
    this.waiters = this.waiters.filter((w) => {
      if (!w.check()) return true;
      w.resolve();
      return false;
    });
  };

  until(check: (items: T[]) => boolean): Promise<void> {
    if (check(this.items)) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ check: () => check(this.items), resolve }));
  }
}

