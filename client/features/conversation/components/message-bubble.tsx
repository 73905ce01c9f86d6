import { memo } from 'react';
import type { MessageDto } from '../../../../src/contracts/conversation.ts';
import { messagePreview } from '../../../../src/domain/message-preview.ts';
import { AlertIcon, NoteIcon, SparkIcon } from '../../../components/icons.tsx';
import { AiRating } from './ai-rating.tsx';
import { formatClock, formatDateTime } from '../../../lib/format.ts';
import type { Reaction } from '../api/thread-items.ts';
import { DeliveryStatus } from './delivery-status.tsx';
import { MessageContent } from './message-content.tsx';

const VISUAL_TYPES = new Set(['image', 'sticker', 'video']);
/** Statuses shown with a word next to the time ("Sending", "Failed"), which need more room. */
const LABELLED_STATUSES = new Set<MessageDto['status']>(['QUEUED', 'FAILED']);

function ReplyQuote({ target, contactName }: { target: MessageDto | 'missing'; contactName: string }) {
  if (target === 'missing') {
    return <div className="msg-quote msg-quote-missing">Replying to an earlier message</div>;
  }
  const author = target.direction === 'INBOUND' ? contactName : (target.sender?.name ?? 'You');
  return (
    <div className={`msg-quote msg-quote-${target.direction.toLowerCase()}`}>
      <span className="msg-quote-author">{author}</span>
      <span className="msg-quote-text">{messagePreview(target)}</span>
    </div>
  );
}

export type MessageBubbleProps = {
  message: MessageDto;
  groupStart: boolean;
  reactions: Reaction[];
  replyTo: MessageDto | 'missing' | null;
  contactName: string;
  aiAgentName: (aiAgentId: string) => string;
};

/** One message: inbound on the left, ours on the right with who sent it and how far it got. */
export const MessageBubble = memo(function MessageBubble({ message, groupStart, reactions, replyTo, contactName, aiAgentName }: MessageBubbleProps) {
  const outbound = message.direction === 'OUTBOUND';
  const visual = message.content?.kind === 'media' && VISUAL_TYPES.has(message.type) && Boolean(message.content.mediaId);
  const sticker = message.type === 'sticker';
  const fromAi = outbound && message.aiAgentId !== null && !message.isNote;
  const author = outbound ? (message.sender?.name ?? (message.aiAgentId ? aiAgentName(message.aiAgentId) : 'Automated')) : null;
  const rowClass = ['msg-row', outbound ? 'msg-out' : 'msg-in', groupStart ? 'msg-group-start' : '', reactions.length ? 'msg-has-reactions' : '']
    .filter(Boolean)
    .join(' ');
  const bubbleClass = ['msg-bubble', visual ? 'msg-bubble-visual' : '', sticker ? 'msg-bubble-sticker' : '', message.isNote ? 'msg-note' : '', fromAi ? 'msg-ai' : '']
    .filter(Boolean)
    .join(' ');

  return (
    <div className={rowClass} data-message-id={message.id} data-status={message.status} data-ai={fromAi || undefined} data-note={message.isNote || undefined}>
      <div className={bubbleClass}>
        {outbound && groupStart ? (
          <div className="msg-sender">
            {message.isNote ? (
              <span className="msg-note-label">
                <NoteIcon /> Internal note
              </span>
            ) : null}
            {fromAi ? <SparkIcon className="msg-ai-icon" /> : null}
            {message.isNote ? <span className="msg-note-author">{author}</span> : author}
            {fromAi ? <span className="msg-ai-chip">AI agent</span> : null}
          </div>
        ) : null}
        {replyTo ? <ReplyQuote target={replyTo} contactName={contactName} /> : null}
        <div className="msg-body">
          <MessageContent message={message} />
          <span className={`msg-meta-spacer ${outbound ? (LABELLED_STATUSES.has(message.status) ? 'msg-meta-spacer-wide' : 'msg-meta-spacer-out') : ''}`} aria-hidden="true" />
        </div>
        <span className="msg-meta">
          <time dateTime={message.createdAt} title={formatDateTime(message.createdAt)}>
            {formatClock(message.createdAt)}
          </time>
          {outbound && !message.isNote ? <DeliveryStatus message={message} /> : null}
        </span>
        {reactions.length ? (
          <span className="msg-reactions" aria-label={`Reactions: ${reactions.map((r) => r.emoji).join(' ')}`}>
            {reactions.map((r) => (
              <span key={r.from} className="msg-reaction" title={r.from === 'INBOUND' ? `${contactName} reacted` : 'Your team reacted'}>
                {r.emoji}
              </span>
            ))}
          </span>
        ) : null}
      </div>
      {fromAi && message.status !== 'FAILED' ? <AiRating messageId={message.id} /> : null}
      {message.status === 'FAILED' ? (
        <div className="msg-failed" role="note">
          <AlertIcon />
          <span>
            Not delivered{message.errorTitle ? `: ${message.errorTitle}` : ''}
            {message.errorCode ? <span className="msg-failed-code"> (code {message.errorCode})</span> : null}
          </span>
        </div>
      ) : null}
    </div>
  );
});
