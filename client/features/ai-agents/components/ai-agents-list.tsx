import { SparkIcon } from '../../../components/icons.tsx';
import { EmptyState, ErrorState, SkeletonRows } from '../../../components/states.tsx';
import { toUserMessage } from '../../../lib/errors.ts';
import { useAiAgents } from '../api/use-ai-agents.ts';
import { AiAgentCard } from './ai-agent-card.tsx';
import type { ChannelOption } from './ai-agent-form.tsx';

/** Every persona, each in its own card. */
export function AiAgentsList({ channels, canManage, onCreate, hideEmpty }: { channels: ChannelOption[]; canManage: boolean; onCreate: (() => void) | null; hideEmpty: boolean }) {
  const agents = useAiAgents({ fresh: true });
  if (agents.isPending) {
    return (
      <div className="panel">
        <SkeletonRows rows={3} />
      </div>
    );
  }
  if (agents.isError) {
    return (
      <div className="panel">
        <ErrorState message={toUserMessage(agents.error)} onRetry={() => void agents.refetch()} />
      </div>
    );
  }
  if (agents.data.length === 0) {
    if (hideEmpty) return null;
    return (
      <div className="panel">
        <EmptyState title="No AI agents yet" icon={<SparkIcon />}>
          {canManage ? 'Create a persona to answer customers first; your team takes over whenever they want.' : 'An admin creates AI agents here.'} Until then,
          new conversations wait in the queue for a person.
          {onCreate ? (
            <span className="state-action">
              <button type="button" className="btn btn-primary btn-sm" onClick={onCreate}>
                New AI agent
              </button>
            </span>
          ) : null}
        </EmptyState>
      </div>
    );
  }
  return (
    <div className="ai-cards" aria-label="AI agents">
      {agents.data.map((agent) => (
        <AiAgentCard key={agent.id} agent={agent} channels={channels} canManage={canManage} />
      ))}
    </div>
  );
}
