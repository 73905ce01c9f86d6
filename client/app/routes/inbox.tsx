import { useCallback, useMemo } from 'react';
import { useNavigate, useOutletContext, useParams, useSearchParams } from 'react-router';
import type { MeDto } from '../../../src/contracts/dto.ts';
import { InboxIcon } from '../../components/icons.tsx';
import { PanelBoundary } from '../../components/panel-boundary.tsx';
import { EmptyState } from '../../components/states.tsx';
import { personaForChannel } from '../../features/ai-agents/api/persona.ts';
import { useAiAgents } from '../../features/ai-agents/api/use-ai-agents.ts';
import { ConversationView, type ConversationAi } from '../../features/conversation/components/conversation-view.tsx';
import type { InboxFilter } from '../../features/inbox/api/inbox-list.ts';
import { InboxPane } from '../../features/inbox/components/inbox-pane.tsx';
import { useMembers } from '../../features/team/api/use-members.ts';
import { CreateTicketButton } from '../../features/ticket/components/create-ticket-button.tsx';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The filter lives in the URL (?assignee=&status=&q=), so a reload or a shared link shows the same list. */
const filterFrom = (params: URLSearchParams): InboxFilter => {
  const assignee = params.get('assignee');
  const q = params.get('q')?.trim();
  return {
    assignee: assignee === 'mine' || assignee === 'unassigned' ? assignee : 'all',
    status: params.get('status') === 'RESOLVED' ? 'RESOLVED' : 'OPEN',
    ...(q ? { search: q } : {}),
  };
};

const paramsFrom = (filter: InboxFilter): URLSearchParams => {
  const params = new URLSearchParams();
  if (filter.assignee !== 'all') params.set('assignee', filter.assignee);
  if (filter.status !== 'OPEN') params.set('status', filter.status);
  if (filter.search) params.set('q', filter.search);
  return params;
};

function NothingOpen() {
  return (
    <div className="inbox-placeholder">
      <EmptyState title="Pick a conversation" icon={<InboxIcon />}>
        <span className="shortcut-list">
          <span>
            <kbd className="kbd">j</kbd> <kbd className="kbd">k</kbd> or <kbd className="kbd">↑</kbd> <kbd className="kbd">↓</kbd> to move
          </span>
          <span>
            <kbd className="kbd">Enter</kbd> to open
          </span>
          <span>
            <kbd className="kbd">/</kbd> to search
          </span>
        </span>
      </EmptyState>
    </div>
  );
}

export function InboxRoute() {
  const me = useOutletContext<MeDto>();
  const { conversationId } = useParams();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const filter = useMemo(() => filterFrom(params), [params]);
  const query = params.toString();

  const members = useMembers();
  const assigneeName = useMemo(() => {
    const names = new Map(members.data?.map((m) => [m.id, m.id === me.user.id ? 'You' : m.name]));
    return (userId: string | null) => (userId ? (names.get(userId) ?? 'Teammate') : null);
  }, [members.data, me.user.id]);
  const teammates = useMemo(() => (members.data ?? []).filter((m) => m.status === 'ACTIVE').map(({ id, name }) => ({ id, name })), [members.data]);

  const agents = useAiAgents();
  const aiOnline = me.features?.ai === 'online';
  const ai = useMemo<ConversationAi>(() => {
    const list = agents.data ?? [];
    const names = new Map(list.map((a) => [a.id, a.name]));
    return {
      online: aiOnline,
      personaFor: (channelId) => (aiOnline ? personaForChannel(list, channelId) : null),
      personaName: (id) => names.get(id) ?? 'AI agent',
    };
  }, [agents.data, aiOnline]);

  const hrefFor = useCallback((id: string) => `/inbox/${id}${query ? `?${query}` : ''}`, [query]);
  const onOpen = useCallback((id: string) => void navigate(hrefFor(id)), [navigate, hrefFor]);
  const onFilterChange = useCallback((next: InboxFilter) => setParams(paramsFrom(next), { replace: true }), [setParams]);

  const isAdmin = me.user.role === 'ADMIN';
  return (
    <div className="inbox">
      <title>Inbox · Switchboard</title>
      <InboxPane
        filter={filter}
        onFilterChange={onFilterChange}
        activeId={conversationId ?? null}
        hrefFor={hrefFor}
        onOpen={onOpen}
        assigneeName={assigneeName}
      />
      <div className="inbox-detail">
        {!conversationId ? (
          <NothingOpen />
        ) : !UUID.test(conversationId) ? (
          <EmptyState title="Conversation not found" icon={<InboxIcon />}>
            This link doesn’t point to a conversation. Pick one from the list.
          </EmptyState>
        ) : (
          <PanelBoundary key={conversationId}>
            <ConversationView
              conversationId={conversationId}
              me={{ id: me.user.id, name: me.user.name, isSupervisor: me.user.role !== 'AGENT' }}
              templatesHref={isAdmin ? '/settings/channels' : null}
              assigneeName={assigneeName}
              teammates={teammates}
              ai={ai}
              headerActions={(conversation, contactName) => (
                <CreateTicketButton conversationId={conversation.id} contactName={contactName} teammates={teammates} meId={me.user.id} />
              )}
            />
          </PanelBoundary>
        )}
      </div>
    </div>
  );
}
