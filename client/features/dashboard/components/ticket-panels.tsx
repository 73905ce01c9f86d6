import { Link } from 'react-router';
import type { DrillMetric, LiveTicketsDto, TicketSlaCompliance } from '../../../../src/contracts/dashboard.ts';
import { Panel } from '../../../components/panel.tsx';
import { EmptyState } from '../../../components/states.tsx';
import { formatCount, formatDuration, formatPercent } from '../api/format-metric.ts';
import type { AnalyticsPanelProps } from './analytics-panels.tsx';
import { CsvButton } from './csv-button.tsx';
import { MetricButton } from './metric-button.tsx';

type Clock = TicketSlaCompliance['firstResponse'];

/** Helpdesk SLA compliance of the tickets created in the range; every count opens its tickets. */
export function TicketSlaPanel({ data, range, drill }: AnalyticsPanelProps) {
  const t = data.tickets;
  const open = (metric: DrillMetric, label: string, value: number) => (value > 0 ? () => drill({ metric, label: `Tickets · ${label}` }) : undefined);
  const clockRow = (name: string, c: Clock, met: DrillMetric, breached: DrillMetric, median: number | null) => (
    <tr>
      <td>{name}</td>
      <td className="num" data-testid={`an-ticket-${met}`}>
        <MetricButton label={`${name}: met`} onOpen={open(met, `${name.toLowerCase()} met`, c.met)}>
          {formatCount(c.met)}
        </MetricButton>
      </td>
      <td className="num" data-testid={`an-ticket-${breached}`}>
        <MetricButton label={`${name}: breached`} onOpen={open(breached, `${name.toLowerCase()} breached`, c.breached)}>
          {formatCount(c.breached)}
        </MetricButton>
      </td>
      <td className="num">{formatCount(c.open)}</td>
      <td className="num">{formatPercent(c.compliance)}</td>
      <td className="num">{formatDuration(median)}</td>
    </tr>
  );
  return (
    <Panel
      title="Helpdesk SLA"
      description={
        <>
          Tickets created in this range:{' '}
          <MetricButton label="Tickets created" onOpen={open('tickets_created', 'created', t.tickets)} testId="an-tickets-created">
            {formatCount(t.tickets)}
          </MetricButton>
          . Compliance is met over met + breached; clocks still running don’t count yet.
        </>
      }
      flush
      actions={<CsvButton input={{ table: 'ticket_sla', range }} />}
    >
      {t.tickets === 0 ? (
        <EmptyState title="No tickets created in this range" />
      ) : (
        <div className="table-scroll">
          <table className="table table-dense" data-testid="an-ticket-sla">
            <thead>
              <tr>
                <th>Clock</th>
                <th className="num">Met</th>
                <th className="num">Breached</th>
                <th className="num">Running</th>
                <th className="num">Compliance</th>
                <th className="num">Median time</th>
              </tr>
            </thead>
            <tbody>
              {clockRow('First response', t.firstResponse, 'tickets_first_response_met', 'tickets_first_response_breached', t.firstResponseMedianMs)}
              {clockRow('Resolution', t.resolution, 'tickets_resolution_met', 'tickets_resolution_breached', t.resolutionMedianMs)}
            </tbody>
          </table>
        </div>
      )}
    </Panel>
  );
}

const STATUSES: Array<[keyof LiveTicketsDto['byStatus'], string]> = [
  ['NEW', 'New'],
  ['OPEN', 'Open'],
  ['PENDING', 'Pending'],
];

/** Unresolved tickets by status and their SLA trouble, live; each number opens the filtered ticket list. */
export function LiveTicketsPanel({ tickets }: { tickets: LiveTicketsDto }) {
  return (
    <Panel title="Tickets" description="Unresolved now" flush>
      <dl className="today-list" data-testid="live-tickets">
        {STATUSES.map(([status, label]) => (
          <div key={status} className="today-row">
            <dt>
              <Link to={`/tickets?status=${status}`}>{label}</Link>
            </dt>
            <dd data-testid={`live-tickets-${status.toLowerCase()}`}>{formatCount(tickets.byStatus[status])}</dd>
          </div>
        ))}
        <div className="today-row">
          <dt>
            <Link to="/tickets?sla=at_risk">SLA at risk</Link>
          </dt>
          <dd data-testid="live-tickets-at-risk">{formatCount(tickets.atRisk)}</dd>
        </div>
        <div className="today-row">
          <dt>
            <Link to="/tickets?sla=breached">SLA breached</Link>
          </dt>
          <dd data-testid="live-tickets-breached">{formatCount(tickets.breached)}</dd>
        </div>
      </dl>
    </Panel>
  );
}
