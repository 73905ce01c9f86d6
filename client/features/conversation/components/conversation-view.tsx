import { useCallback } from 'react';
import { MessageIcon } from '../../../components/icons.tsx';
import { PanelBoundary } from '../../../components/panel-boundary.tsx';
import { Alert, EmptyState, ErrorState, LoadingState } from '../../../components/states.tsx';
import { toUserMessage } from '../../../lib/errors.ts';
import { displayName } from '../../../lib/format.ts';
import { useConversation } from '../api/use-conversation.ts';
import { useMarkRead } from '../api/use-mark-read.ts';
import { useResolve } from '../api/use-resolve.ts';
import { useSendText } from '../api/use-send-text.ts';
import { Composer } from './composer.tsx';
import { ConversationHeader } from './conversation-header.tsx';
import { MessageThread } from './message-thread.tsx';

export type ConversationViewProps = {
  conversationId: string;
  me: { id: string; name: string };
  /** Where admins manage templates; null for everyone else. */
  templatesHref: string | null;
  /** A teammate's display name by id ("You" for the viewer). */
  assigneeName: (userId: string | null) => string | null;
};

/** The right-hand pane: who, the thread, and the reply box. Keyed by conversation by the caller. */
export function ConversationView({ conversationId, me, templatesHref, assigneeName }: ConversationViewProps) {
  const detail = useConversation(conversationId);
  const { resolve, reopen } = useResolve();
  const { send } = useSendText(me);
  useMarkRead(conversationId, detail.data?.conversation.unreadCount);

  const status = detail.data?.conversation.status;
  const toggleStatus = useCallback(() => {
    if (!status) return;
    (status === 'OPEN' ? resolve : reopen).mutate({ conversationId });
  }, [status, resolve, reopen, conversationId]);

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
  const statusError = resolve.error ?? reopen.error;
  return (
    <section className="conv-view" aria-label={`Conversation with ${contactName}`}>
      <ConversationHeader
        conversation={conversation}
        channel={channel}
        ownerLabel={conversation.owner === 'AI' && !conversation.assigneeId ? 'AI agent' : (assigneeName(conversation.assigneeId) ?? 'Unassigned')}
        pending={resolve.isPending || reopen.isPending}
        onToggleStatus={toggleStatus}
      />
      {statusError ? (
        <div className="conv-notice">
          <Alert tone="error">{toUserMessage(statusError)}</Alert>
        </div>
      ) : null}
      <PanelBoundary>
        <MessageThread conversationId={conversationId} contactName={contactName} onRetry={(id, body) => send(conversationId, body, id)} />
      </PanelBoundary>
      <PanelBoundary>
        <Composer conversation={conversation} contactName={contactName} onSend={(body) => send(conversationId, body)} templatesHref={templatesHref} />
      </PanelBoundary>
    </section>
  );
}
