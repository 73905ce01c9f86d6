import { useState } from 'react';
import type { LiveAgentDto, LiveSnapshotDto } from '../../../../src/contracts/dashboard.ts';
import { Panel } from '../../../components/panel.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../../components/states.tsx';
import { toUserMessage } from '../../../lib/errors.ts';
import { ROLE_LABELS } from '../../../lib/format.ts';
import { useNow } from '../../../lib/use-now.ts';
import { formatCount, formatWait } from '../api/format-metric.ts';
import { useLiveDashboard } from '../api/use-live-dashboard.ts';
import type { DrillTarget } from '../api/use-drill.ts';
import { DrillDrawer } from './drill-drawer.tsx';
import { MetricButton, MetricTile } from './metric-button.tsx';
import { LiveTicketsPanel } from './ticket-panels.tsx';

const STATUS_LABEL = { online: 'Online', away: 'Away', offline: 'Offline' } as const;

/**
 * The longest wait, ticking every second on the client from the server's "waiting since" (the
 * server only pushes when the queue changes). Clamped at zero against a clock a little behind.
 */
function LongestWait({ since }: { since: string | null }) {
  const now = useNow(1_000);
  if (!since) return <span data-testid="live-longest-wait">—</span>;
  return <span data-testid="live-longest-wait">{formatWait(now - Date.parse(since))}</span>;
}

function AgentsPanel({ agents, onDrill }: { agents: LiveAgentDto[]; onDrill: (t: DrillTarget) => void }) {
  const counts = { online: 0, away: 0, offline: 0 };
  for (const a of agents) counts[a.status] += 1;
  return (
    <Panel
      title="Agents"
      description={`${counts.online} online · ${counts.away} away · ${counts.offline} offline`}
      flush
    >
      {agents.length === 0 ? (
        <EmptyState title="No teammates yet" />
      ) : (
        <ul className="agent-list" data-testid="live-agents">
          {agents.map((a) => (
            <li key={a.userId} className="agent-row" data-testid="live-agent" data-status={a.status} data-user-id={a.userId}>
              <span className={`status-dot status-dot-${a.status}`} aria-hidden="true" />
              <span className="agent-name">{a.name}</span>
              <span className="agent-role text-subtle">{ROLE_LABELS[a.role]}</span>
              <span className="agent-status">{STATUS_LABEL[a.status]}</span>
              <span className="agent-open">
                <MetricButton
                  label={`${a.name}'s open conversations`}
                  onOpen={a.openConversations > 0 ? () => onDrill({ metric: 'agent_open', userId: a.userId, label: `${a.name} · open conversations` }) : undefined}
                  testId="live-agent-open"
                >
                  {a.openConversations}
                </MetricButton>{' '}
                <span className="text-subtle">open</span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}

function Snapshot({ snapshot }: { snapshot: LiveSnapshotDto }) {
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  const { conversations: c, queue, today } = snapshot;
  return (
    <>
      <section className="stats stats-4" aria-label="Open conversations">
        <MetricTile label="AI answering" value={formatCount(c.AI)} testId="live-owner-ai" onOpen={() => setDrill({ metric: 'open_ai', label: 'Open · AI answering' })} detail="Open conversations the AI owns" />
        <MetricTile label="In queue" value={formatCount(queue.length)} testId="live-queue" onOpen={() => setDrill({ metric: 'open_queue', label: 'Open · waiting in the queue' })} tone={queue.length > 0 ? 'warning' : undefined} detail={<>Longest wait <LongestWait since={queue.oldestWaitingSince} /></>} />
        <MetricTile label="With a person" value={formatCount(c.HUMAN)} testId="live-owner-human" onOpen={() => setDrill({ metric: 'open_human', label: 'Open · with a person' })} detail="Open conversations agents own" />
        <MetricTile label="Open in total" value={formatCount(c.AI + c.QUEUE + c.HUMAN)} testId="live-open-total" detail="AI + queue + people" />
      </section>
      <div className="dashboard-grid">
        <AgentsPanel agents={snapshot.agents} onDrill={setDrill} />
        <Panel title="Today" description="Since midnight, your time" flush>
          <dl className="today-list" data-testid="live-today">
            {(
              [
                ['New conversations', today.newConversations, 'newConversations'],
                ['Customer messages', today.inbound, 'inbound'],
                ['Replies sent', today.outbound, 'outbound'],
                ['· by the AI', today.aiReplies, 'aiReplies'],
                ['· by people', today.humanReplies, 'humanReplies'],
                ['Takeovers', today.takeovers, 'takeovers'],
                ['Escalations', today.escalations, 'escalations'],
                ['Resolved', today.resolved, 'resolved'],
              ] as const
            ).map(([label, value, key]) => (
              <div key={key} className="today-row">
                <dt>{label}</dt>
                <dd data-testid={`live-today-${key}`}>{formatCount(value)}</dd>
              </div>
            ))}
          </dl>
        </Panel>
        <Panel title="Email and tasks today" description="Since midnight, your time" flush>
          <dl className="today-list" data-testid="live-crm">
            {(
              [
                ['Emails sent', snapshot.crm.emailsSent, 'emailsSent'],
                ['Emails opened', snapshot.crm.emailsOpened, 'emailsOpened'],
                ['Emails bounced', snapshot.crm.emailsBounced, 'emailsBounced'],
                ['Tasks due today', snapshot.crm.tasksDueToday, 'tasksDueToday'],
                ['Tasks overdue', snapshot.crm.tasksOverdue, 'tasksOverdue'],
              ] as const
            ).map(([label, value, key]) => (
              <div key={key} className="today-row">
                <dt>{label}</dt>
                <dd data-testid={`live-crm-${key}`}>{formatCount(value)}</dd>
              </div>
            ))}
          </dl>
        </Panel>
        <LiveTicketsPanel tickets={snapshot.tickets} />
      </div>
      {drill ? <DrillDrawer target={drill} onClose={() => setDrill(null)} /> : null}
    </>
  );
}

/** Live operations: every number arrives by push from `dashboard.live`. */
export function LiveDashboard() {
  const live = useLiveDashboard();
  if (live.data) return <Snapshot snapshot={live.data} />;
  if (live.status === 'error') return <ErrorState message={toUserMessage(live.error)} onRetry={live.reset} />;
  return <LoadingState label="Connecting to live numbers…" />;
}
