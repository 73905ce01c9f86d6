import type { SlaClockDto, TicketDto } from '../../../../src/contracts/ticket.ts';
import { formatDateTime, formatDuration } from '../../../lib/format.ts';
import { useNow } from '../../../lib/use-now.ts';
import { SlaBadge } from './ticket-badges.tsx';

const target = (minutes: number | null) => (minutes === null ? 'No target' : `Target ${formatDuration(minutes * 60_000)}`);

function Clock({ name, clock, testId, now, stoppedAt }: { name: string; clock: SlaClockDto; testId: string; now: number; stoppedAt: string | null }) {
  return (
    <div className="sla-clock" data-testid={testId} data-state={clock.state}>
      <div className="sla-clock-head">
        <span className="sla-clock-name">{name}</span>
        <SlaBadge clock={clock} now={now} testId={`${testId}-badge`} />
      </div>
      <div className="sla-clock-due" data-testid={`${testId}-due`} data-due-at={clock.dueAt ?? ''}>
        {clock.dueAt
          ? `${clock.state === 'breached' ? 'Was due' : 'Due'} ${formatDateTime(clock.dueAt)}`
          : clock.state === 'met' && stoppedAt
            ? `Met ${formatDateTime(stoppedAt)}`
            : clock.state === 'paused' || clock.state === 'at_risk'
              ? 'Paused while pending'
              : '—'}
      </div>
      <div className="sla-clock-meta">
        {target(clock.targetMinutes)}
        {clock.targetMinutes !== null ? ' in business hours' : ''}
      </div>
    </div>
  );
}

/** Both SLA clocks with their due times, in business hours; the badges tick every 15 s. */
export function TicketSlaPanel({ ticket }: { ticket: TicketDto }) {
  const now = useNow(15_000);
  return (
    <section className="side-section" aria-label="SLA">
      <h3 className="side-title">SLA</h3>
      <Clock name="First response" clock={ticket.sla.firstResponse} testId="sla-first-response" now={now} stoppedAt={ticket.firstRespondedAt} />
      <Clock name="Resolution" clock={ticket.sla.resolution} testId="sla-resolution" now={now} stoppedAt={ticket.resolvedAt} />
    </section>
  );
}
