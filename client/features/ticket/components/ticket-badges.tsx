import { memo } from 'react';
import type { SlaClockDto, TicketPriority, TicketStatus } from '../../../../src/contracts/ticket.ts';
import { TimerIcon } from '../../../components/icons.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { PRIORITY_LABELS, slaView, STATUS_LABELS } from '../api/ticket-format.ts';

export function StatusPill({ status }: { status: TicketStatus }) {
  return (
    <span className={`pill ticket-status ticket-status-${status.toLowerCase()}`} data-testid="ticket-status" data-status={status}>
      {STATUS_LABELS[status]}
    </span>
  );
}

/** Bars like a signal meter: one for low up to four for urgent, so priority reads without colour too. */
export function PriorityBadge({ priority, label = true }: { priority: TicketPriority; label?: boolean }) {
  const level = { LOW: 1, NORMAL: 2, HIGH: 3, URGENT: 4 }[priority];
  return (
    <span className={`priority priority-${priority.toLowerCase()}`} data-testid="ticket-priority" data-priority={priority} title={`${PRIORITY_LABELS[priority]} priority`}>
      <span className="priority-bars" aria-hidden="true">
        {[1, 2, 3, 4].map((i) => (
          <span key={i} className={i <= level ? 'priority-bar priority-bar-on' : 'priority-bar'} />
        ))}
      </span>
      {label ? <span className="priority-label">{PRIORITY_LABELS[priority]}</span> : <span className="sr-only">{PRIORITY_LABELS[priority]}</span>}
    </span>
  );
}

/**
 * A clock's state as a chip: due in …, at risk, breached, paused, met. `now` comes from the
 * parent's ticking clock, so a whole list re-renders its countdowns once per tick, together.
 */
export const SlaBadge = memo(function SlaBadge({
  clock,
  now,
  testId = 'sla-badge',
}: {
  clock: Pick<SlaClockDto, 'state' | 'dueAt' | 'atRiskAt'>;
  now: number;
  testId?: string;
}) {
  const view = slaView(clock, now);
  if (view.tone === 'none') return <span className="sla sla-none" data-testid={testId} data-tone="none">—</span>;
  return (
    <span
      className={`sla sla-${view.tone}`}
      data-testid={testId}
      data-tone={view.tone}
      data-due-at={view.dueAt ?? undefined}
      title={view.dueAt ? `Due ${formatDateTime(view.dueAt)}` : undefined}
    >
      <TimerIcon className="sla-icon" />
      {view.label}
    </span>
  );
});
