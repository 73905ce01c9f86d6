import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { ConversationDto } from '../../../../src/contracts/conversation.ts';
import { MessageIcon, XIcon } from '../../../components/icons.tsx';
import { PanelBoundary } from '../../../components/panel-boundary.tsx';
import { Alert, EmptyState, ErrorState, LoadingState } from '../../../components/states.tsx';
import { toUserMessage } from '../../../lib/errors.ts';
import { displayName } from '../../../lib/format.ts';
import { ownershipFor } from '../api/ownership.ts';
import { toThreadEvents } from '../api/ownership-log.ts';
import { useOwnershipLog } from '../api/use-ownership-log.ts';
import { useChangeOwner } from '../api/use-change-owner.ts';
import { useConversation } from '../api/use-conversation.ts';
import { useMarkRead } from '../api/use-mark-read.ts';
import { usePresence } from '../api/use-presence.ts';
import { useResolve } from '../api/use-resolve.ts';
import { useSendText } from '../api/use-send-text.ts';
import { Composer } from './composer.tsx';
import { ConversationHeader, type OwnerActions } from './conversation-header.tsx';
import { MessageThread } from './message-thread.tsx';
import type { Teammate } from './owner-menu.tsx';
import { TypingIndicator } from './presence.tsx';

const NOTICE_MS = 8_000;

export type ConversationAi = {
  /** The server has an OpenAI key. */
  online: boolean;
  /** The persona answering a channel (its own, else the workspace default), if any is active. */
  personaFor: (channelId: string) => { id: string; name: string } | null;
  /** A persona's name for AI-written messages. */
  personaName: (aiAgentId: string) => string;
};

export type ConversationViewProps = {
  conversationId: string;
  me: { id: string; name: string; isSupervisor: boolean };
  /** Where admins manage templates; null for everyone else. */
  templatesHref: string | null;
  /** A teammate's display name by id ("You" for the viewer). */
  assigneeName: (userId: string | null) => string | null;
  /** Active teammates, for "Assign to…". */
  teammates: Teammate[];
  ai: ConversationAi;
  /** More header actions from other features (e.g. "Create ticket"), given the loaded conversation. */
  headerActions?: (conversation: ConversationDto, contactName: string) => ReactNode;
};

/** The right-hand pane: who (and who owns it), the thread, and the reply box. Keyed by conversation by the caller. */
export function ConversationView({ conversationId, me, templatesHref, assigneeName, teammates, ai, headerActions }: ConversationViewProps) {
  const detail = useConversation(conversationId);
  const { resolve, reopen } = useResolve();
  const owner = useChangeOwner();
  const { send } = useSendText({ id: me.id, name: me.name });
  const presence = usePresence(conversationId, me.id);
  const log = useOwnershipLog(conversationId);
  const events = useMemo(() => toThreadEvents(log, assigneeName), [log, assigneeName]);
  const [notice, setNotice] = useState<{ tone: 'warning' | 'error'; text: string } | null>(null);
  useMarkRead(conversationId, detail.data?.conversation.unreadCount);

  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(null), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice]);

  const status = detail.data?.conversation.status;
  const toggleStatus = useCallback(() => {
    if (!status) return;
    (status === 'OPEN' ? resolve : reopen).mutate({ conversationId });
  }, [status, resolve, reopen, conversationId]);

  const { takeOver, handBack, release, assign } = owner;
  const busy = takeOver.isPending || handBack.isPending || release.isPending || assign.isPending;
  const actions: OwnerActions = useMemo(() => {
    const onError = (err: { data?: { code?: string } | null }) =>
      setNotice({ tone: err.data?.code === 'CONFLICT' ? 'warning' : 'error', text: toUserMessage(err) });
    const opts = { onError, onSuccess: () => setNotice(null) };
    return {
      busy,
      takeOver: () => takeOver.mutate({ conversationId }, opts),
      handBack: () => handBack.mutate({ conversationId }, opts),
      release: () => release.mutate({ conversationId }, opts),
      assign: (assigneeId: string) => assign.mutate({ conversationId, assigneeId }, opts),
    };
  }, [busy, takeOver, handBack, release, assign, conversationId]);

  const aiAgentName = useCallback((id: string) => ai.personaName(id), [ai]);

  if (detail.isPending) return <LoadingState label="Opening conversation…" />;
  if (detail.isError) {
    if (detail.error.data?.code === 'NOT_FOUND') {
      return (
        <EmptyState title="Conversation not found" icon={<MessageIcon />}>
          It may belong to a channel that was removed. Pick another conversation from the list.
        </EmptyState>
      );
    }
    return <ErrorState message={toUserMessage(detail.error)} onRetry={() => void detail.refetch()} />;
  }

  const { conversation, channel } = detail.data;
  const contactName = displayName(conversation.contact);
  const persona = ai.personaFor(conversation.channelId);
  const ownership = ownershipFor(conversation, { id: me.id, isSupervisor: me.isSupervisor }, { online: ai.online, persona });
  const ownerName = assigneeName(conversation.assigneeId) ?? 'A teammate';
  const ownerLabel = conversation.owner === 'AI' ? (persona ? `${persona.name} · AI` : 'AI agent') : conversation.owner === 'QUEUE' ? 'Queue' : ownerName;
  const statusError = resolve.error ?? reopen.error;
  return (
    <section className="conv-view" aria-label={`Conversation with ${contactName}`}>
      <ConversationHeader
        conversation={conversation}
        channel={channel}
        ownerLabel={ownerLabel}
        ownership={ownership}
        actions={actions}
        teammates={teammates}
        meId={me.id}
        viewers={presence.viewers}
        pending={resolve.isPending || reopen.isPending}
        onToggleStatus={toggleStatus}
        extraActions={headerActions?.(conversation, contactName)}
      />
      {statusError || notice ? (
        <div className="conv-notice">
          {notice ? (
            <div className="conv-notice-row" data-testid="owner-notice">
              <Alert tone={notice.tone}>{notice.text}</Alert>
              <button type="button" className="btn btn-ghost btn-sm conv-notice-close" aria-label="Dismiss" onClick={() => setNotice(null)}>
                <XIcon />
              </button>
            </div>
          ) : null}
          {statusError ? <Alert tone="error">{toUserMessage(statusError)}</Alert> : null}
        </div>
      ) : null}
      <PanelBoundary>
        <MessageThread
          conversationId={conversationId}
          contactName={contactName}
          onRetry={(id, body) => send(conversationId, body, id)}
          events={events}
          aiAgentName={aiAgentName}
        />
      </PanelBoundary>
      <TypingIndicator viewers={presence.viewers} />
      <PanelBoundary>
        <Composer
          conversation={conversation}
          contactName={contactName}
          ownership={ownership}
          ownerName={ownerName}
          ai={{ online: ai.online, hasPersona: persona !== null }}
          busy={busy}
          onTakeOver={actions.takeOver}
          onAssignToMe={ownership.kind === 'other' && me.isSupervisor ? () => actions.assign(me.id) : null}
          onSend={(body) => send(conversationId, body)}
          onTyping={presence.setTyping}
          templatesHref={templatesHref}
        />
      </PanelBoundary>
    </section>
  );
}
