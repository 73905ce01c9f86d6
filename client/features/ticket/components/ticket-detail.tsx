import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { TicketDetailDto, TicketPriority } from '../../../../src/contracts/ticket.ts';
import { ArrowLeftIcon, MessageIcon, TicketIcon, XIcon } from '../../../components/icons.tsx';
import { PanelBoundary } from '../../../components/panel-boundary.tsx';
import { Alert, EmptyState, ErrorState, LoadingState } from '../../../components/states.tsx';
import { toUserMessage } from '../../../lib/errors.ts';
import { formatDateTime, displayName } from '../../../lib/format.ts';
import { useNow } from '../../../lib/use-now.ts';
import { ticketRef } from '../api/ticket-format.ts';
import { useTicket } from '../api/use-ticket.ts';
import { useTicketPresence } from '../api/use-ticket-presence.ts';
import { useTicketTags } from '../api/use-tickets.ts';
import { useUpdateTicket } from '../api/use-update-ticket.ts';
import { AiPanel } from './ai-panel.tsx';
import { CommentComposer } from './comment-composer.tsx';
import { SubjectEditor } from './subject-editor.tsx';
import { PriorityBadge, StatusPill } from './ticket-badges.tsx';
import { TicketPresence } from './ticket-presence.tsx';
import { TicketProperties, type TicketChange } from './ticket-properties.tsx';
import { TicketSlaPanel } from './ticket-sla-panel.tsx';
import { TicketTimeline } from './ticket-timeline.tsx';
import type { Teammate } from './ticket-toolbar.tsx';

const NOTICE_MS = 8_000;

export type TicketDetailProps = {
  ticketId: string;
  meId: string;
  teammates: Teammate[];
  /** Where the linked conversation opens, or null when there is none. */
  conversationHref: (conversationId: string) => string;
};

/** One ticket: fields, SLA clocks, AI analysis, history with comments, and who else is on it. Keyed by ticket by the caller. */
export function TicketDetail(props: TicketDetailProps) {
  const detail = useTicket(props.ticketId);
  // Presence starts only for a ticket that exists: no heartbeats for a wrong link. A failed
  // background refetch keeps showing the ticket rather than swapping it for an error.
  if (detail.data) return <LoadedTicket {...props} detail={detail.data} />;
  if (detail.isPending) return <LoadingState label="Opening ticket…" />;
  if (detail.isError) {
    if (detail.error.data?.code === 'NOT_FOUND') {
      return (
        <EmptyState title="Ticket not found" icon={<TicketIcon />}>
          It may have been removed, or the link is wrong. <Link to="/tickets">Back to tickets</Link>
        </EmptyState>
      );
    }
  }
  return <ErrorState message={toUserMessage(detail.error)} onRetry={() => void detail.refetch()} />;
}

function LoadedTicket({ ticketId, meId, teammates, conversationHref, detail }: TicketDetailProps & { detail: TicketDetailDto }) {
  const tags = useTicketTags();
  const presence = useTicketPresence(ticketId, meId);
  const now = useNow(30_000);
  const names = useCallback((id: string) => teammates.find((t) => t.id === id)?.name ?? 'Teammate', [teammates]);
  const update = useUpdateTicket(names);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(null), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice]);

  const change = useCallback(
    (c: TicketChange) => update.mutate({ ticketId, ...c }, { onError: (err) => setNotice(toUserMessage(err)), onSuccess: () => setNotice(null) }),
    [update, ticketId],
  );
  const applyPriority = useCallback((priority: TicketPriority) => change({ priority }), [change]);

  const { ticket, comments, history, aiOnline } = detail;
  return (
    <div className="ticket-detail" data-ticket-id={ticket.id}>
      <title>{`${ticketRef(ticket.number)} ${ticket.subject} · Switchboard`}</title>
      <header className="ticket-head">
        <Link to="/tickets" className="btn btn-ghost btn-sm" aria-label="Back to tickets">
          <ArrowLeftIcon />
        </Link>
        <span className="ticket-head-number mono">{ticketRef(ticket.number)}</span>
        <div className="ticket-head-main">
          <SubjectEditor subject={ticket.subject} onSave={(subject) => change({ subject })} onEditing={presence.setEditing} />
        </div>
        <StatusPill status={ticket.status} />
        <PriorityBadge priority={ticket.priority} />
        <TicketPresence viewers={presence.viewers} />
        {ticket.conversationId ? (
          <Link to={conversationHref(ticket.conversationId)} className="btn btn-secondary btn-sm">
            <MessageIcon /> Conversation
          </Link>
        ) : null}
      </header>
      {notice ? (
        <div className="conv-notice-row ticket-notice" data-testid="ticket-notice">
          <Alert tone="error">{notice}</Alert>
          <button type="button" className="btn btn-ghost btn-sm" aria-label="Dismiss" onClick={() => setNotice(null)}>
            <XIcon />
          </button>
        </div>
      ) : null}
      <div className="ticket-body">
        <div className="ticket-main">
          <PanelBoundary>
            <AiPanel ticket={ticket} aiOnline={aiOnline} onApplyPriority={applyPriority} />
          </PanelBoundary>
          <PanelBoundary>
            <TicketTimeline ticket={ticket} comments={comments} history={history} now={now} meId={meId} />
          </PanelBoundary>
          <PanelBoundary>
            <CommentComposer ticket={ticket} onEditing={presence.setEditing} />
          </PanelBoundary>
        </div>
        <aside className="ticket-side" aria-label="Ticket details">
          <PanelBoundary>
            <TicketProperties ticket={ticket} teammates={teammates} meId={meId} tags={tags.data ?? []} onChange={change} onEditing={presence.setEditing} />
          </PanelBoundary>
          <PanelBoundary>
            <TicketSlaPanel ticket={ticket} />
          </PanelBoundary>
          <section className="side-section" aria-label="About">
            <h3 className="side-title">About</h3>
            <dl className="side-facts">
              <div>
                <dt>Contact</dt>
                <dd>{ticket.contact ? displayName(ticket.contact) : <span className="text-muted">None</span>}</dd>
              </div>
              <div>
                <dt>Created</dt>
                <dd title={formatDateTime(ticket.createdAt)}>
                  {formatDateTime(ticket.createdAt)}
                  {ticket.createdBy ? ` by ${ticket.createdBy.id === meId ? 'you' : ticket.createdBy.name}` : ''}
                </dd>
              </div>
              <div>
                <dt>Updated</dt>
                <dd>{formatDateTime(ticket.updatedAt)}</dd>
              </div>
            </dl>
          </section>
        </aside>
      </div>
    </div>
  );
}
