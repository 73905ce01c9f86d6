import { memo } from 'react';
import { Link } from 'react-router';
import type { ConversationDto } from '../../../../src/contracts/conversation.ts';
import { Avatar } from '../../../components/avatar.tsx';
import { OwnerBadge } from '../../../components/owner-badge.tsx';
import { displayName, formatDateTime, formatShortTime } from '../../../lib/format.ts';

export type RowProps = {
  conversation: ConversationDto;
  href: string;
  active: boolean;
  selected: boolean;
  tabStop: boolean;
  assigneeName: string | null;
  now: number;
};

/** One inbox row: who, what was said last, when, how much is unread, who owns it. */
export const ConversationRow = memo(function ConversationRow({ conversation: c, href, active, selected, tabStop, assigneeName, now }: RowProps) {
  const name = displayName(c.contact);
  const unread = c.unreadCount > 0;
  const classes = ['conv-row', active ? 'conv-row-active' : '', selected ? 'conv-row-selected' : '', unread ? 'conv-row-unread' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <Link
      to={href}
      className={classes}
      aria-current={active ? 'page' : undefined}
      data-conversation-id={c.id}
      data-selected={selected || undefined}
      // A roving tab stop: Tab reaches the list once, j/k and the arrows move within it.
      tabIndex={tabStop ? 0 : -1}
    >
      <Avatar name={name} seed={c.contact.id} size="row" />
      <span className="conv-main">
        <span className="conv-line">
          <span className="conv-name">{name}</span>
          <time className="conv-time" dateTime={c.lastMessageAt} title={formatDateTime(c.lastMessageAt)}>
            {formatShortTime(c.lastMessageAt, now)}
          </time>
        </span>
        <span className="conv-line">
          <span className="conv-preview">
            {c.lastMessageDirection === 'OUTBOUND' ? <span className="conv-preview-you">{c.lastMessageFromAi ? 'AI: ' : 'You: '}</span> : null}
            {c.lastMessagePreview || <span className="conv-preview-empty">No messages yet</span>}
          </span>
          {unread ? (
            <span className="conv-unread" aria-label={`${c.unreadCount} unread`}>
              {c.unreadCount > 99 ? '99+' : c.unreadCount}
            </span>
          ) : null}
        </span>
        <span className="conv-line conv-meta">
          <OwnerBadge owner={c.owner} label={c.owner === 'AI' ? 'AI agent' : c.owner === 'QUEUE' ? 'Queue' : (assigneeName ?? 'Teammate')} />
          {c.status === 'RESOLVED' ? <span className="conv-status-resolved">Resolved</span> : null}
        </span>
      </span>
    </Link>
  );
});
