import { DateTime } from 'luxon';
import type { LiveSnapshotDto } from '../../../src/contracts/dashboard.ts';
import type { TenantEvent } from '../../../src/contracts/events.ts';
import type { Deps } from '../../deps.ts';
import { LIVE_PANELS, PANEL_KEYS, type LiveContext, type PanelKey } from './panels.ts';

/**
 * Events arriving within this window are folded into one recomputation: a burst of 500 messages
 * costs a handful of queries, and a number still moves well within a second of its event.
 */
export const COALESCE_MS = 150;

type Listener = (snapshot: LiveSnapshotDto) => void;

/**
 * One per node, tenant and time zone, however many supervisors watch: listens to the tenant's
 * events and agent presence, recomputes the panels an event touches, and hands every watcher the
 * new snapshot. Pushed, never polled: without events it does nothing (except re-reading presence
 * when an entry would lapse, and "today" at midnight).
 */
class LiveHub {
  private readonly listeners = new Set<Listener>();
  private readonly dirty = new Set<PanelKey>(PANEL_KEYS);
  private readonly data: Partial<LiveSnapshotDto> = {};
  private readonly recheck = new Map<PanelKey, number>();
  private snapshot: LiveSnapshotDto | null = null;
  private timer: NodeJS.Timeout | undefined;
  private dueAt = Infinity;
  private running = false;
  private closed = false;
  private unsubscribe: Array<() => void> = [];
  private dayStart: Date;

  constructor(
    private readonly deps: Deps,
    private readonly tenantId: string,
    private readonly timeZone: string,
    private readonly onEmpty: () => void,
  ) {
    this.dayStart = this.startOfDay();
  }

  async start(): Promise<void> {
    this.unsubscribe = await Promise.all([
      this.deps.bus.subscribe(this.tenantId, (events) => this.onEvents(events)),
      this.deps.bus.subscribeEphemeral(this.tenantId, (m) => m.type === 'agents' && this.markDirty(PANEL_KEYS.filter((k) => LIVE_PANELS[k].onPresence))),
    ]);
    this.schedule(0);
  }

  /** Null when the hub already closed (its last watcher left meanwhile): join a fresh one. */
  add(listener: Listener): (() => void) | null {
    if (this.closed) return null;
    this.listeners.add(listener);
    if (this.snapshot) listener(this.snapshot);
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.close();
    };
  }

  private close() {
    this.closed = true;
    clearTimeout(this.timer);
    for (const u of this.unsubscribe) u();
    this.unsubscribe = [];
    this.onEmpty();
  }

  private startOfDay() {
    return DateTime.now().setZone(this.timeZone).startOf('day').toJSDate();
  }

  private onEvents(events: TenantEvent[]) {
    this.markDirty(PANEL_KEYS.filter((k) => events.some((e) => LIVE_PANELS[k].affectedBy(e))));
  }

  private markDirty(keys: PanelKey[]) {
    if (keys.length === 0) return;
    for (const k of keys) this.dirty.add(k);
    this.schedule(COALESCE_MS);
  }

  /** Runs a flush in `ms` unless one is due sooner (or running: it reschedules itself when done). */
  private schedule(ms: number) {
    if (this.running || this.closed) return;
    const dueAt = Date.now() + ms;
    if (this.timer && this.dueAt <= dueAt) return;
    clearTimeout(this.timer);
    this.dueAt = dueAt;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.dueAt = Infinity;
      void this.flush();
    }, ms);
  }

  private async flush() {
    if (this.listeners.size === 0 && this.snapshot) return;
    this.running = true;
    const now = Date.now();
    const dayStart = this.startOfDay();
    if (dayStart.getTime() !== this.dayStart.getTime()) {
      this.dayStart = dayStart;
      this.dirty.add('today');
    }
    for (const [k, at] of this.recheck) if (at <= now) this.dirty.add(k);
    const keys = [...this.dirty];
    this.dirty.clear();
    const ctx: LiveContext = { tenantId: this.tenantId, timeZone: this.timeZone, dayStart, now };
    try {
      const results = await Promise.all(keys.map(async (k) => [k, await LIVE_PANELS[k].compute(this.deps, ctx)] as const));
      for (const [k, r] of results) {
        (this.data as Record<PanelKey, unknown>)[k] = r.data;
        if (r.recheckAt) this.recheck.set(k, r.recheckAt);
        else this.recheck.delete(k);
      }
      this.snapshot = { at: new Date(now).toISOString(), ...(this.data as Omit<LiveSnapshotDto, 'at'>) };
      for (const l of this.listeners) l(this.snapshot);
    } catch (err) {
      // Try those panels again shortly rather than freezing the dashboard on a transient failure.
      this.deps.log.warn({ err, tenantId: this.tenantId }, 'live dashboard computation failed');
      for (const k of keys) this.dirty.add(k);
    } finally {
      this.running = false;
    }
    if (this.closed) return;
    const nextMidnight = DateTime.fromJSDate(this.dayStart).setZone(this.timeZone).plus({ days: 1 }).toMillis();
    const wakeAt = Math.min(nextMidnight, ...this.recheck.values());
    if (this.dirty.size > 0) this.schedule(COALESCE_MS);
    // Node timers cap at ~24.8 days; midnight is always closer.
    else this.schedule(Math.max(0, wakeAt - Date.now()) + 5);
  }
}

const hubsByDeps = new WeakMap<Deps, Map<string, Promise<LiveHub>>>();

/** Joins (or starts) the node's hub for this tenant and zone; the returned function leaves it. */
export const joinLiveHub = async (deps: Deps, tenantId: string, timeZone: string, listener: Listener): Promise<() => void> => {
  let hubs = hubsByDeps.get(deps);
  if (!hubs) hubsByDeps.set(deps, (hubs = new Map()));
  const key = `${tenantId}|${timeZone}`;
  let pending = hubs.get(key);
  if (!pending) {
    const hub: LiveHub = new LiveHub(deps, tenantId, timeZone, () => {
      if (hubs.get(key) === pending) hubs.delete(key);
    });
    pending = hub.start().then(() => hub);
    hubs.set(key, pending);
    pending.catch(() => hubs.delete(key));
  }
  const leave = (await pending).add(listener);
  return leave ?? joinLiveHub(deps, tenantId, timeZone, listener);
};
