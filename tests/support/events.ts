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
  const events = await deps.db.$transaction((tx) => appendEvents(tx, tenantId, drafts));
  if (opts.publish !== false) await publishEvents(deps, tenantId, events);
  return events;
};

export const seqOf = (item: StreamItem): number => (item.kind === 'event' ? item.event.seq : -1);

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

/** Subscribes `user` to events.stream and resolves once the subscription is live. */
export const watchEvents = async (user: import('./api-client.ts').ApiUser) => {
  const { client } = user.live();
  const seen = new Collector<TenantEvent>();
  const started = new Collector<true>();
  const subscription = client.events.stream.subscribe(undefined, {
    onStarted: () => started.push(true),
    onData: ({ data }) => {
      if (data.kind === 'event') seen.push(data.event);
    },
  });
  await started.until((s) => s.length > 0);
  return {
    seen,
    /** The first event (already seen or still to come) matching the predicate. */
    next: async <T extends TenantEvent>(match: (e: TenantEvent) => e is T): Promise<T> => {
      await seen.until((events) => events.some(match));
      return seen.items.find(match)!;
    },
    close: () => subscription.unsubscribe(),
  };
};
