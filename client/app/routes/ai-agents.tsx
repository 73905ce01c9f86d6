import { useMemo, useState } from 'react';
import { useOutletContext } from 'react-router';
import type { MeDto } from '../../../src/contracts/dto.ts';
import { PlusIcon } from '../../components/icons.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { Alert } from '../../components/states.tsx';
import { useAiAgents } from '../../features/ai-agents/api/use-ai-agents.ts';
import { AiAgentForm } from '../../features/ai-agents/components/ai-agent-form.tsx';
import { AiAgentsList } from '../../features/ai-agents/components/ai-agents-list.tsx';
import { useChannels } from '../../features/channels/api/use-channels.ts';

export function AiAgentsRoute() {
  const me = useOutletContext<MeDto>();
  const isAdmin = me.user.role === 'ADMIN';
  const offline = me.features?.ai !== 'online';
  const [creating, setCreating] = useState(false);
  const channels = useChannels();
  const agents = useAiAgents();
  const options = useMemo(() => (channels.data ?? []).map(({ id, name, phoneNumber }) => ({ id, name, phoneNumber })), [channels.data]);

  return (
    <div className="page">
      <PageHeader
        title="AI agents"
        description="Personas that answer customers first. Agents take over at any moment, and hand back when they are done."
        actions={
          isAdmin && !creating ? (
            <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
              <PlusIcon /> New AI agent
            </button>
          ) : null
        }
      />
      {offline ? (
        <Alert tone="warning">
          <strong>The AI is offline.</strong> The server has no <code>OPENAI_API_KEY</code>, so no agent answers: new conversations wait in the queue for
          a person, and hand-backs to the AI are refused. You can still set up agents; they start answering once the key is configured.
        </Alert>
      ) : null}
      {!isAdmin ? <Alert tone="info">Only admins can create, change or delete AI agents.</Alert> : null}
      {creating ? (
        <section className="panel ai-card" aria-label="New AI agent">
          <header className="ai-card-head">
            <h2 className="ai-card-name">New AI agent</h2>
          </header>
          <div className="ai-card-body">
            <AiAgentForm agent={null} channels={options} first={(agents.data?.length ?? 0) === 0} onDone={() => setCreating(false)} />
          </div>
        </section>
      ) : null}
      <AiAgentsList channels={options} canManage={isAdmin} onCreate={isAdmin && !creating ? () => setCreating(true) : null} hideEmpty={creating} />
    </div>
  );
}
