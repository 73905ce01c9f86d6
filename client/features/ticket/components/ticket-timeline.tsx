import { memo } from 'react';
import { Link } from 'react-router';
import type { TicketActivityDto, TicketCommentDto, TicketDto } from '../../../../src/contracts/ticket.ts';
import { Avatar } from '../../../components/avatar.tsx';
import { AlertIcon, NoteIcon, SendIcon } from '../../../components/icons.tsx';
import { formatDateTime, formatRelative } from '../../../lib/format.ts';
import { activityText } from '../api/ticket-format.ts';

type Item = { kind: 'comment'; at: string; comment: TicketCommentDto } | { kind: 'activity'; at: string; activity: TicketActivityDto };

function When({ iso, now }: { iso: string; now: number }) {
  return (
    <time className="ticket-feed-time" dateTime={iso} title={formatDateTime(iso)}>
      {formatRelative(iso, now)}
    </time>
  );
}

const Comment = memo(function Comment({ c, now, meId }: { c: TicketCommentDto; now: number; meId: string }) {
  const name = c.author ? (c.author.id === meId ? 'You' : c.author.name) : 'System';
  const internal = c.visibility === 'internal';
  return (
    <article className={internal ? 'tl-comment tl-comment-internal' : 'tl-comment'} data-testid="ticket-comment" data-visibility={c.visibility} aria-label={`${internal ? 'Note' : 'Reply'} by ${name}`}>
      <header className="tl-comment-head">
        <Avatar name={c.author?.name ?? 'System'} seed={c.author?.id ?? 'system'} size="sm" />
        <span className="tl-author">{name}</span>
        {internal ? (
          <span className="tl-label tl-label-internal">
            <NoteIcon /> Internal note
          </span>
        ) : c.delivery.kind === 'whatsapp' ? (
          <span className="tl-label tl-label-public">
            <SendIcon /> Replied on WhatsApp
          </span>
        ) : c.delivery.kind === 'email' ? (
          <Link className="tl-label tl-label-public" to={`/emails/${c.delivery.emailId}`}>
            <SendIcon /> Replied by email
          </Link>
        ) : (
          <span className="tl-label tl-label-public">Public reply</span>
        )}
        <When iso={c.createdAt} now={now} />
      </header>
      <div className="ticket-feed-body">{c.body}</div>
      {c.delivery.kind === 'not_delivered' ? (
        <div className="tl-undelivered">
          <AlertIcon /> {c.delivery.reason}
        </div>
      ) : null}
    </article>
  );
});

/**
 * The ticket's life in order: the description, then comments (public replies and internal notes)
 * interleaved with every change (who, what, when).
 */
export function TicketTimeline({
  ticket,
  comments,
  history,
  now,
  meId,
}: {
  ticket: TicketDto;
  comments: TicketCommentDto[];
  history: TicketActivityDto[];
  now: number;
  meId: string;
}) {
  const items: Item[] = [
    ...comments.map((comment): Item => ({ kind: 'comment', at: comment.createdAt, comment })),
    ...history.filter((a) => a.field !== 'created').map((activity): Item => ({ kind: 'activity', at: activity.createdAt, activity })),
  ].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const author = ticket.createdBy;
  return (
    <div className="ticket-feed" role="feed" aria-label="Ticket history" data-testid="ticket-timeline">
      <article className="tl-comment tl-description" aria-label="Description">
        <header className="tl-comment-head">
          <Avatar name={author?.name ?? 'System'} seed={author?.id ?? 'system'} size="sm" />
          <span className="tl-author">{author ? (author.id === meId ? 'You' : author.name) : 'System'}</span>
          <span className="tl-label">opened the ticket</span>
          <When iso={ticket.createdAt} now={now} />
        </header>
        <div className={ticket.description ? 'ticket-feed-body' : 'ticket-feed-body text-muted'}>{ticket.description || 'No description.'}</div>
      </article>
      {items.map((item) =>
        item.kind === 'comment' ? (
          <Comment key={item.comment.id} c={item.comment} now={now} meId={meId} />
        ) : (
          <div key={item.activity.id} className="tl-event" data-testid="ticket-activity" data-field={item.activity.field}>
            <span className="tl-event-dot" aria-hidden="true" />
            <span>
              <strong>{item.activity.actor ? (item.activity.actor.id === meId ? 'You' : item.activity.actor.name) : 'Switchboard'}</strong>{' '}
              {activityText(item.activity)}
            </span>
            <When iso={item.activity.createdAt} now={now} />
          </div>
        ),
      )}
    </div>
  );
}
