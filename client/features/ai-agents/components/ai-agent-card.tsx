import { useState } from 'react';
import type { AiAgentDto } from '../../../../src/contracts/ai-agent.ts';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { EditDeleteActions } from '../../../components/edit-delete-actions.tsx';
import { SparkIcon } from '../../../components/icons.tsx';
import { toUserMessage } from '../../../lib/errors.ts';
import { ratingSummary, ROLE_LABELS } from '../api/persona.ts';
import { useDeleteAiAgent } from '../api/use-delete-ai-agent.ts';
import { AiAgentForm, type ChannelOption } from './ai-agent-form.tsx';

function Channels({ agent, channels }: { agent: AiAgentDto; channels: ChannelOption[] }) {
  const own = channels.filter((c) => agent.channelIds.includes(c.id));
  if (own.length === 0) {
    return <span className="text-subtle">{agent.isDefault ? 'Every channel without an agent of its own' : 'None — it answers nowhere yet'}</span>;
  }
  return (
    <span className="ai-card-channels">
      {own.map((c) => (
        <span key={c.id} className="ai-card-channel">
          <span className="channel-dot" aria-hidden="true" />
          {c.name}
        </span>
      ))}
      {agent.isDefault ? <span className="text-subtle">and every channel without its own</span> : null}
    </span>
  );
}

/** One persona at a glance; admins edit it in place or delete it. */
export function AiAgentCard({ agent, channels, canManage }: { agent: AiAgentDto; channels: ChannelOption[]; canManage: boolean }) {
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const remove = useDeleteAiAgent();
  const summary = ratingSummary(agent.ratings);

  return (
    <article className="panel ai-card" aria-label={agent.name} data-testid="ai-agent-card">
      <header className="ai-card-head">
        <span className={agent.active ? 'ai-card-mark' : 'ai-card-mark ai-card-mark-off'} aria-hidden="true">
          <SparkIcon />
        </span>
        <div className="ai-card-title">
          <h2 className="ai-card-name">{agent.name}</h2>
          <span className="ai-card-badges">
            <span className="badge badge-ai-role">{ROLE_LABELS[agent.role]}</span>
            {agent.isDefault ? <span className="badge badge-default">Default</span> : null}
            <span className={agent.active ? 'pill pill-open' : 'pill pill-resolved'}>{agent.active ? 'Active' : 'Inactive'}</span>
          </span>
        </div>
        {canManage && !editing ? (
          <div className="panel-actions">
            <EditDeleteActions
              name={agent.name}
              onEdit={() => setEditing(true)}
              onDelete={() => {
                remove.reset();
                setConfirming(true);
              }}
            />
          </div>
        ) : null}
      </header>
      {editing ? (
        <div className="ai-card-body">
          <AiAgentForm agent={agent} channels={channels} first={false} onDone={() => setEditing(false)} />
        </div>
      ) : (
        <div className="ai-card-body">
          <p className="ai-card-prompt">{agent.personalityPrompt}</p>
          <dl className="details">
            <div className="detail">
              <dt>Model</dt>
              <dd>
                <span className="mono">{agent.model}</span> · temperature {agent.temperature.toFixed(1)}
              </dd>
            </div>
            <div className="detail">
              <dt>Channels</dt>
              <dd>
                <Channels agent={agent} channels={channels} />
              </dd>
            </div>
            <div className="detail">
              <dt>Agent ratings</dt>
              <dd className="ai-card-ratings">
                <span title="Helpful">👍 {agent.ratings.helpful}</span>
                <span title="Not helpful">👎 {agent.ratings.notHelpful}</span>
                <span className="text-subtle">{summary ?? 'No ratings yet'}</span>
              </dd>
            </div>
          </dl>
        </div>
      )}
      <ConfirmDialog
        open={confirming}
        title={`Delete ${agent.name}?`}
        confirmLabel="Delete AI agent"
        pending={remove.isPending}
        error={remove.error ? toUserMessage(remove.error) : null}
        onCancel={() => setConfirming(false)}
        onConfirm={() => remove.mutate({ aiAgentId: agent.id }, { onSuccess: () => setConfirming(false) })}
      >
        It stops answering at once. Conversations it owns wait in the queue for a person{agent.isDefault ? ', and channels without an agent of their own get no AI' : ''}.
      </ConfirmDialog>
    </article>
  );
}
