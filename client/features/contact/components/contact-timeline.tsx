import { useMemo, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { StageChangeDto, TimelineConversationDto, TimelineItemDto, TimelineTicketDto } from '../../../../src/contracts/contact.ts';
import type { EmailDto } from '../../../../src/contracts/email.ts';
import type { TaskDto } from '../../../../src/contracts/task.ts';
import { ActivityIcon, CheckIcon, ClockIcon, FlagIcon, MailIcon, MessageIcon, SkipIcon, TicketIcon } from '../../../components/icons.tsx';
import { EmptyState, ErrorState, SkeletonRows, Spinner } from '../../../components/states.tsx';
import { toUserMessage } from '../../../lib/errors.ts';
import { formatDateTime, formatDayLabel, formatRelative } from '../../../lib/format.ts';
import { useNow } from '../../../lib/use-now.ts';
import { STAGE_LABELS } from '../api/contact-labels.ts';
import { flattenTimeline } from '../api/timeline-cache.ts';
import { useTimeline } from '../api/use-timeline.ts';

function ConversationEntry({ entry }: { entry: TimelineConversationDto }) {
  const c = entry.conversation;
  return (
    <div className="tl-body">
      <div className="tl-title">
        <Link to={`/inbox/${c.id}`}>WhatsApp conversation</Link>
        <span className={c.status === 'OPEN' ? 'pill pill-open' : 'pill pill-resolved'}>{c.status === 'OPEN' ? 'Open' : 'Resolved'}</span>
        <span className="tl-note">
          {entry.messageCount} message{entry.messageCount === 1 ? '' : 's'}
        </span>
      </div>
      {entry.recentMessages.length > 0 ? (
        <ul className="tl-messages">
          {entry.recentMessages.map((m) => (
            <li key={m.id} className={m.direction === 'INBOUND' ? 'tl-msg tl-msg-in' : 'tl-msg tl-msg-out'}>
              <span className="tl-msg-who">{m.direction === 'INBOUND' ? 'Them' : m.fromAi ? 'AI' : 'Us'}</span>
              <span className="cell-truncate">{m.preview || '(media)'}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

const TICKET_STATUS: Record<TimelineTicketDto['status'], string> = { NEW: 'New', OPEN: 'Open', PENDING: 'Pending', RESOLVED: 'Resolved', CLOSED: 'Closed' };
const TICKET_SLA: Partial<Record<TimelineTicketDto['slaState'], string>> = { at_risk: 'SLA at risk', breached: 'SLA breached' };

function TicketEntry({ ticket }: { ticket: TimelineTicketDto }) {
  const open = ticket.status !== 'RESOLVED' && ticket.status !== 'CLOSED';
  const sla = TICKET_SLA[ticket.slaState];
  return (
    <div className="tl-body">
      <div className="tl-title">
        <Link to={`/tickets/${ticket.id}`}>
          Ticket #{ticket.number} · {ticket.subject}
        </Link>
        <span className={open ? 'pill pill-open' : 'pill pill-resolved'}>{TICKET_STATUS[ticket.status]}</span>
        {sla ? <span className="pill pill-warn">{sla}</span> : null}
        <span className="tl-note">{ticket.assignee ? `assigned to ${ticket.assignee.name}` : 'unassigned'}</span>
      </div>
    </div>
  );
}

function TaskEntry({ task, now }: { task: TaskDto; now: number }) {
  const open = task.status === 'OPEN';
  const overdue = open && Date.parse(task.dueAt) < now;
  return (
    <div className="tl-body">
      <div className="tl-title">
        <span className={open ? '' : 'tl-done'}>{task.title}</span>
        {open ? (
          <span className={overdue ? 'tl-note tl-overdue' : 'tl-note'}>
            due {formatRelative(task.dueAt, now)}
            {task.assignee ? ` · ${task.assignee.name}` : ''}
          </span>
        ) : (
          <span className="tl-note">
            {task.status === 'DONE' ? 'Done' : 'Skipped'}
            {task.completedBy ? ` by ${task.completedBy.name}` : ''}
            {task.emailId ? ' · by sending an email' : ''}
          </span>
        )}
      </div>
    </div>
  );
}

function StageEntry({ change }: { change: StageChangeDto }) {
  return (
    <div className="tl-body">
      <div className="tl-title">
        {change.from ? (
          <>
            Stage <strong>{STAGE_LABELS[change.from]}</strong> → <strong>{STAGE_LABELS[change.to]}</strong>
          </>
        ) : (
          <>
            Created as <strong>{STAGE_LABELS[change.to]}</strong>
          </>
        )}
        {change.actor ? <span className="tl-note">by {change.actor.name}</span> : null}
      </div>
    </div>
  );
}

const iconOf = (item: TimelineItemDto) => {
  switch (item.kind) {
    case 'conversation':
      return <MessageIcon />;
    case 'email':
      return <MailIcon />;
    case 'stage_change':
      return <FlagIcon />;
    case 'ticket':
      return <TicketIcon />;
    case 'task':
      return item.task.status === 'DONE' ? <CheckIcon /> : item.task.status === 'SKIPPED' ? <SkipIcon /> : <ClockIcon />;
  }
};

/**
 * Everything that happened with a contact, newest first: conversations, tasks, emails with their
 * engagement, stage changes. Live: entries arrive and change in place as events come in.
 */
export function ContactTimeline({ contactId, renderEmail }: { contactId: string; renderEmail: (email: EmailDto, now: number) => ReactNode }) {
  const timeline = useTimeline(contactId);
  const now = useNow(30_000);
  const items = useMemo(() => flattenTimeline(timeline.data), [timeline.data]);
  // Entries that arrive while the page is open animate in; the first load just appears.
  const [initialKeys] = useState(() => new Set<string>());
  if (timeline.isSuccess && initialKeys.size === 0) for (const item of items) initialKeys.add(item.key);

  if (timeline.isPending) return <SkeletonRows rows={4} />;
  if (timeline.isError) return <ErrorState message={toUserMessage(timeline.error)} onRetry={() => void timeline.refetch()} />;
  if (items.length === 0) {
    return (
      <EmptyState title="Nothing yet" icon={<ActivityIcon />}>
        Conversations, tickets, tasks, emails and stage changes with this contact show up here as they happen.
      </EmptyState>
    );
  }

  let lastDay = '';
  return (
    <>
      <ol className="timeline" aria-label="Timeline" data-testid="timeline">
        {items.map((item) => {
          const day = formatDayLabel(item.at, now);
          const header = day !== lastDay ? day : null;
          lastDay = day;
          return (
            <li key={item.key} className={initialKeys.size > 0 && !initialKeys.has(item.key) ? 'tl-item tl-item-new' : 'tl-item'} data-kind={item.kind}>
              {header ? <div className="tl-day">{header}</div> : null}
              <div className="tl-row">
                <span className={`tl-icon tl-icon-${item.kind}`}>{iconOf(item)}</span>
                {item.kind === 'conversation' ? (
                  <ConversationEntry entry={item.conversation} />
                ) : item.kind === 'task' ? (
                  <TaskEntry task={item.task} now={now} />
                ) : item.kind === 'stage_change' ? (
                  <StageEntry change={item.change} />
                ) : item.kind === 'ticket' ? (
                  <TicketEntry ticket={item.ticket} />
                ) : (
                  <div className="tl-body">{renderEmail(item.email, now)}</div>
                )}
                <time className="tl-time" dateTime={item.at} title={formatDateTime(item.at)}>
                  {formatRelative(item.at, now)}
                </time>
              </div>
            </li>
          );
        })}
      </ol>
      {timeline.hasNextPage ? (
        <div className="list-more">
          <button type="button" className="btn btn-secondary btn-sm" onClick={() => void timeline.fetchNextPage()} disabled={timeline.isFetchingNextPage}>
            {timeline.isFetchingNextPage ? <Spinner /> : null} Older entries
          </button>
        </div>
      ) : null}
    </>
  );
}
