import type { SlaClockDto, SlaStateDto, TicketActivityDto, TicketPriority, TicketStatus } from '../../../../src/contracts/ticket.ts';

export const STATUS_LABELS: Record<TicketStatus, string> = {
  NEW: 'New',
  OPEN: 'Open',
  PENDING: 'Pending',
  RESOLVED: 'Resolved',
  CLOSED: 'Closed',
};

export const PRIORITY_LABELS: Record<TicketPriority, string> = { LOW: 'Low', NORMAL: 'Normal', HIGH: 'High', URGENT: 'Urgent' };

export const SLA_STATE_LABELS: Record<SlaStateDto, string> = {
  none: 'No SLA',
  running: 'On track',
  paused: 'Paused',
  met: 'Met',
  at_risk: 'At risk',
  breached: 'Breached',
};

/** Ticket numbers read as "#1042" everywhere. */
export const ticketRef = (number: number): string => `#${number}`;

/** "<1m", "12m", "3h 5m", "2d 4h": compact enough for a list cell. */
export const formatCountdown = (ms: number): string => {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  if (minutes < 1) return '<1m';
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 === 0 ? `${hours}h` : `${hours}h ${minutes % 60}m`;
  const days = Math.floor(hours / 24);
  return hours % 24 === 0 ? `${days}d` : `${days}d ${hours % 24}h`;
};

export type SlaTone = 'none' | 'ok' | 'paused' | 'met' | 'risk' | 'breached';

export type SlaView = { tone: SlaTone; label: string; dueAt: string | null };

/**
 * What a clock looks like at `now`. The server marks at-risk and breach at the exact moment with
 * an event; between events the client moves the clock on itself from the due times, so a badge
 * never says "due in 0m" while the event is on its way.
 */
export const slaView = (clock: Pick<SlaClockDto, 'state' | 'dueAt' | 'atRiskAt'>, now: number): SlaView => {
  const due = clock.dueAt ? Date.parse(clock.dueAt) : null;
  const risk = clock.atRiskAt ? Date.parse(clock.atRiskAt) : null;
  switch (clock.state) {
    case 'none':
      return { tone: 'none', label: 'No SLA', dueAt: null };
    case 'met':
      return { tone: 'met', label: 'Met', dueAt: null };
    case 'paused':
      return { tone: 'paused', label: 'Paused', dueAt: null };
    case 'breached':
      return { tone: 'breached', label: due === null ? 'Breached' : `Breached ${formatCountdown(now - due)} ago`, dueAt: clock.dueAt };
    case 'at_risk':
    case 'running': {
      // At risk while pending: the deadline waits for the customer.
      if (due === null) return { tone: clock.state === 'at_risk' ? 'risk' : 'paused', label: clock.state === 'at_risk' ? 'At risk · paused' : 'Paused', dueAt: null };
      if (now >= due) return { tone: 'breached', label: `Breached ${formatCountdown(now - due)} ago`, dueAt: clock.dueAt };
      const atRisk = clock.state === 'at_risk' || (risk !== null && now >= risk);
      return { tone: atRisk ? 'risk' : 'ok', label: `${atRisk ? 'At risk · due' : 'Due'} in ${formatCountdown(due - now)}`, dueAt: clock.dueAt };
    }
  }
};

const enumLabel = (labels: Record<string, string>, value: string | null) => (value === null ? 'none' : (labels[value] ?? value));

/** A history line as words after the actor's name: "changed priority from Normal to Urgent". */
export const activityText = (a: Pick<TicketActivityDto, 'field' | 'from' | 'to'>): string => {
  switch (a.field) {
    case 'created':
      return 'created the ticket';
    case 'status':
      return `changed status from ${enumLabel(STATUS_LABELS, a.from)} to ${enumLabel(STATUS_LABELS, a.to)}`;
    case 'priority':
      return `changed priority from ${enumLabel(PRIORITY_LABELS, a.from)} to ${enumLabel(PRIORITY_LABELS, a.to)}`;
    case 'assignee':
      if (a.to === null) return a.from ? `unassigned ${a.from}` : 'unassigned the ticket';
      return a.from ? `reassigned it from ${a.from} to ${a.to}` : `assigned it to ${a.to}`;
    case 'subject':
      return `renamed it to “${a.to ?? ''}”`;
    case 'tags':
      return a.to ? `set tags to ${a.to}` : 'removed all tags';
    case 'contact':
      return a.to ? `linked contact ${a.to}` : 'removed the contact';
    case 'conversation':
      return a.to ? 'linked a WhatsApp conversation' : 'unlinked the conversation';
  }
};
