import type { ReactNode } from 'react';
import type { AnalyticsDto, RangeInput } from '../../../../src/contracts/dashboard.ts';
import { Panel } from '../../../components/panel.tsx';
import { EmptyState } from '../../../components/states.tsx';
import { formatCount, formatDuration, formatHours, formatPercent } from '../api/format-metric.ts';
import type { DrillTarget } from '../api/use-drill.ts';
import { CsvButton } from './csv-button.tsx';
import { EmailFunnelPanel, EmailSendersTable, LeadPipelinePanel } from './crm-panels.tsx';
import { MetricButton, MetricTile } from './metric-button.tsx';
import { TicketSlaPanel } from './ticket-panels.tsx';
import { VolumeChart } from './volume-chart.tsx';

export type AnalyticsPanelProps = { data: AnalyticsDto; range: RangeInput; drill: (t: Omit<DrillTarget, 'range'>) => void };

function SummaryTiles({ data, drill }: AnalyticsPanelProps) {
  const s = data.summary;
  return (
    <section className="stats stats-4" aria-label="Conversation figures">
      <MetricTile label="Conversations" value={formatCount(s.conversations)} testId="an-conversations" onOpen={() => drill({ metric: 'conversations', label: 'Conversations started' })} detail={<>{formatCount(s.resolved)} resolved</>} />
      <MetricTile
        label="AI resolution"
        value={formatPercent(s.aiResolutionRate)}
        testId="an-ai-resolution"
        onOpen={() => drill({ metric: 'ai_resolved', label: 'Resolved by the AI alone' })}
        detail={<>{formatCount(s.aiResolved)} of {formatCount(s.aiStarted)} the AI started, no human</>}
      />
      <MetricTile
        label="Takeover rate"
        value={formatPercent(s.takeoverRate)}
        testId="an-takeover-rate"
        onOpen={() => drill({ metric: 'taken_over', label: 'Taken over from the AI' })}
        detail={<>{formatCount(s.takenOver)} of {formatCount(s.everAi)} AI conversations</>}
      />
      <MetricTile
        label="Handback rate"
        value={formatPercent(s.handbackRate)}
        testId="an-handback-rate"
        onOpen={() => drill({ metric: 'handed_back', label: 'Handed back to the AI' })}
        detail={<>{formatCount(s.handedBack)} of {formatCount(s.everHuman)} a person owned</>}
      />
      <MetricTile
        label="Human first response"
        value={formatDuration(s.humanFirstResponse.medianMs)}
        testId="an-human-frt"
        onOpen={() => drill({ metric: 'human_first_response', label: 'Human first response (from the handoff)' })}
        detail={<>median from the handoff · p90 {formatDuration(s.humanFirstResponse.p90Ms)}</>}
      />
      <MetricTile
        label="AI response"
        value={formatDuration(s.aiResponse.medianMs)}
        testId="an-ai-response"
        onOpen={() => drill({ metric: 'ai_response', label: 'AI responses (slowest per conversation)' })}
        detail={<>median · p90 {formatDuration(s.aiResponse.p90Ms)} · {formatCount(s.aiResponse.count)} replies</>}
      />
      <MetricTile
        label="Resolution time"
        value={formatDuration(s.resolution.medianMs)}
        testId="an-resolution"
        onOpen={() => drill({ metric: 'resolved', label: 'Resolved conversations' })}
        detail={<>median of {formatCount(s.resolution.count)} resolved</>}
      />
      <MetricTile
        label="Bot time · human time"
        value={
          <>
            {formatHours(s.botMs)} · {formatHours(s.humanMs)}
          </>
        }
        testId="an-owner-time"
        detail={<>kept apart · {formatHours(s.queueMs)} waiting in the queue</>}
      />
    </section>
  );
}

function VolumePanel({ data, range }: AnalyticsPanelProps) {
  return (
    <Panel title="Volume" description={data.range.bucket === 'hour' ? 'Per hour' : 'Per day'} actions={<CsvButton input={{ table: 'volume', range }} />}>
      <VolumeChart data={data} />
    </Panel>
  );
}

function EscalationsPanel({ data, range, drill }: AnalyticsPanelProps) {
  return (
    <Panel title="Escalation reasons" description="Why the AI handed conversations to the queue" flush actions={<CsvButton input={{ table: 'escalations', range }} />}>
      {data.escalations.length === 0 ? (
        <EmptyState title="No escalations in this range" />
      ) : (
        <table className="table table-dense">
          <thead>
            <tr>
              <th>Reason</th>
              <th className="num">Conversations</th>
            </tr>
          </thead>
          <tbody>
            {data.escalations.map((e) => (
              <tr key={e.reason}>
                <td>{e.reason || 'No reason given'}</td>
                <td className="num">
                  <MetricButton label={`Escalated: ${e.reason}`} onOpen={() => drill({ metric: 'escalated', reason: e.reason, label: `Escalated · ${e.reason}` })}>
                    {formatCount(e.count)}
                  </MetricButton>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Panel>
  );
}

function AgentsTable({ data, range, drill }: AnalyticsPanelProps) {
  return (
    <Panel title="Agents" description="Conversations they owned, takeovers from the AI, first response from the handoff" flush actions={<CsvButton input={{ table: 'agents', range }} />}>
      {data.agents.length === 0 ? (
        <EmptyState title="No human activity in this range" />
      ) : (
        <div className="table-scroll">
          <table className="table table-dense" data-testid="an-agents">
            <thead>
              <tr>
                <th>Agent</th>
                <th className="num">Conversations</th>
                <th className="num">Takeovers</th>
                <th className="num">Takeover rate</th>
                <th className="num">First response</th>
                <th className="num">Replies</th>
              </tr>
            </thead>
            <tbody>
              {data.agents.map((a) => (
                <tr key={a.userId}>
                  <td>{a.name}</td>
                  <td className="num">
                    <MetricButton label={`${a.name}: conversations`} onOpen={() => drill({ metric: 'agent_conversations', userId: a.userId, label: `${a.name} · conversations` })}>
                      {formatCount(a.conversations)}
                    </MetricButton>
                  </td>
                  <td className="num">{formatCount(a.takeovers)}</td>
                  <td className="num">{formatPercent(a.takeoverRate)}</td>
                  <td className="num">{formatDuration(a.firstResponseMedianMs)}</td>
                  <td className="num">{formatCount(a.replies)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Panel>
  );
}

function PersonasTable({ data, range, drill }: AnalyticsPanelProps) {
  return (
    <Panel title="AI agents" description="Conversations each persona answered, how often people took over, agents’ ratings" flush actions={<CsvButton input={{ table: 'personas', range }} />}>
      {data.personas.length === 0 ? (
        <EmptyState title="No AI activity in this range" />
      ) : (
        <div className="table-scroll">
          <table className="table table-dense" data-testid="an-personas">
            <thead>
              <tr>
                <th>Persona</th>
                <th className="num">Conversations</th>
                <th className="num">Takeover rate</th>
                <th className="num">Replies</th>
                <th className="num">Rating</th>
              </tr>
            </thead>
            <tbody>
              {data.personas.map((p) => (
                <tr key={p.aiAgentId}>
                  <td>{p.name}</td>
                  <td className="num">
                    <MetricButton label={`${p.name}: conversations`} onOpen={() => drill({ metric: 'persona_conversations', aiAgentId: p.aiAgentId, label: `${p.name} · conversations` })}>
                      {formatCount(p.conversations)}
                    </MetricButton>
                  </td>
                  <td className="num">{formatPercent(p.takeoverRate)}</td>
                  <td className="num">{formatCount(p.replies)}</td>
                  <td className="num" title={`${p.helpful} helpful · ${p.notHelpful} not helpful`}>
                    {formatPercent(p.rating)} <span className="text-subtle">({formatCount(p.helpful + p.notHelpful)})</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Panel>
  );
}

/**
 * The analytics page, panel by panel, in order. Ticket SLA compliance, the email funnel and lead
 * conversion plug in as one component each and one entry here (their data as one section of
 * AnalyticsDto, see server/dashboard/analytics/get-analytics.ts).
 */
export const ANALYTICS_PANELS: Array<{ key: string; wide?: boolean; render: (props: AnalyticsPanelProps) => ReactNode }> = [
  { key: 'summary', wide: true, render: (p) => <SummaryTiles {...p} /> },
  { key: 'volume', wide: true, render: (p) => <VolumePanel {...p} /> },
  { key: 'escalations', render: (p) => <EscalationsPanel {...p} /> },
  { key: 'personas', render: (p) => <PersonasTable {...p} /> },
  { key: 'agents', wide: true, render: (p) => <AgentsTable {...p} /> },
  { key: 'email-funnel', render: (p) => <EmailFunnelPanel {...p} /> },
  { key: 'email-senders', render: (p) => <EmailSendersTable {...p} /> },
  { key: 'lead-pipeline', wide: true, render: (p) => <LeadPipelinePanel {...p} /> },
  { key: 'ticket-sla', wide: true, render: (p) => <TicketSlaPanel {...p} /> },
];
