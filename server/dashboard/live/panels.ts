import type { LiveSnapshotDto } from '../../../src/contracts/dashboard.ts';
import type { TenantEvent } from '../../../src/contracts/events.ts';
import type { Deps } from '../../deps.ts';
import { agentsPanel } from './agents-panel.ts';
import { conversationsPanel, queuePanel } from './conversations-panel.ts';
import { crmPanel } from './crm-panel.ts';
import { ticketsPanel } from './tickets-panel.ts';
import { todayPanel } from './today-panel.ts';

export type LiveContext = { tenantId: string; timeZone: string; dayStart: Date; now: number };

/**
 * One live panel: how to compute its numbers, and which events can change them. A hub recomputes
 * only the panels an event touches. A new panel is one file exporting a LivePanel and one line in
 * LIVE_PANELS below (plus its field in LiveSnapshotDto).
 */
export type LivePanel<T> = {
  compute: (deps: Deps, ctx: LiveContext) => Promise<{ data: T; /** Recompute then even without an event. */ recheckAt?: number | null }>;
  affectedBy: (event: TenantEvent) => boolean;
  /** Agent presence changed (ephemeral, not an event). */
  onPresence?: boolean;
};

type PanelKey = Exclude<keyof LiveSnapshotDto, 'at'>;

export const LIVE_PANELS: { [K in PanelKey]: LivePanel<LiveSnapshotDto[K]> } = {
  conversations: conversationsPanel,
  queue: queuePanel,
  agents: agentsPanel,
  tickets: ticketsPanel,
  today: todayPanel,
  crm: crmPanel,
};

export const PANEL_KEYS = Object.keys(LIVE_PANELS) as PanelKey[];
export type { PanelKey };
