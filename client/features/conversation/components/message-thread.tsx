import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { ChevronDownIcon, MessageIcon } from '../../../components/icons.tsx';
import { ErrorState, Spinner } from '../../../components/states.tsx';
import { toUserMessage } from '../../../lib/errors.ts';
import { useNow } from '../../../lib/use-now.ts';
import { flattenThread } from '../api/thread-cache.ts';
import { buildThreadItems, type ThreadEvent } from '../api/thread-items.ts';
import { useUnsent } from '../api/unsent.ts';
import { useThread } from '../api/use-thread.ts';
import { MessageBubble } from './message-bubble.tsx';
import { UnsentBubble } from './unsent-bubble.tsx';

/** Within this many pixels of the end counts as "at the bottom" (and new messages keep it there). */
const BOTTOM_SLACK = 80;
/** Start loading older messages this close to the top. */
const TOP_PREFETCH = 240;

function ThreadSkeleton() {
  return (
    <div className="thread-skeleton" aria-hidden="true">
      {[46, 62, 38, 54, 30].map((width, i) => (
        <span key={i} className={`skeleton thread-skeleton-bubble ${i % 2 ? 'thread-skeleton-out' : ''}`} style={{ width: `${width}%` }} />
      ))}
    </div>
  );
}

export type MessageThreadProps = {
  conversationId: string;
  contactName: string;
  onRetry: (id: string, body: string) => void;
  /** Ownership lines seen live, interleaved with the messages. */
  events: readonly ThreadEvent[];
  /** The persona's name for an AI-written message. */
  aiAgentName: (aiAgentId: string) => string;
};

export function MessageThread({ conversationId, contactName, onRetry, events, aiAgentName }: MessageThreadProps) {
  const thread = useThread(conversationId);
  const unsent = useUnsent(conversationId);
  const now = useNow(60_000);
  const messages = useMemo(() => flattenThread(thread.data), [thread.data]);
  const days = useMemo(() => buildThreadItems(messages, now, events), [messages, now, events]);

  const scrollRef = useRef<HTMLDivElement>(null);
  const contentRef = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const [showJump, setShowJump] = useState(false);
  // Where the reader was before older messages were put above them.
  const anchor = useRef<{ height: number; top: number } | null>(null);

  const { hasNextPage, isFetchingNextPage, fetchNextPage } = thread;
  const oldestId = messages[0]?.id;
  const newest = messages.at(-1);

  const scrollToBottom = () => {
    const el = scrollRef.current;
    if (el) el.scrollTop = el.scrollHeight;
    atBottom.current = true;
    setShowJump(false);
  };

  const onScroll = () => {
    const el = scrollRef.current;
    if (!el) return;
    atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < BOTTOM_SLACK;
    if (atBottom.current) setShowJump(false);
    if (el.scrollTop < TOP_PREFETCH && hasNextPage && !isFetchingNextPage && !thread.isFetchNextPageError) {
      anchor.current = { height: el.scrollHeight, top: el.scrollTop };
      void fetchNextPage();
    }
  };

  // Older messages arrived above: keep the same message under the reader's eyes.
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el || !anchor.current) return;
    el.scrollTop = anchor.current.top + (el.scrollHeight - anchor.current.height);
    anchor.current = null;
  }, [oldestId]);

  // A new message at the end: follow it if the reader was at the end (or wrote it), else offer a jump.
  useLayoutEffect(() => {
    if (!newest) return;
    if (atBottom.current || (newest.direction === 'OUTBOUND' && newest.status === 'QUEUED')) scrollToBottom();
    else setShowJump(true);
  }, [newest?.id, unsent.length]);

  // Too few messages to scroll: there is no "top" to reach, so fetch older ones straight away.
  useEffect(() => {
    const el = scrollRef.current;
    if (!el || !hasNextPage || isFetchingNextPage || thread.isFetchNextPageError) return;
    if (el.scrollHeight <= el.clientHeight + TOP_PREFETCH) {
      anchor.current = { height: el.scrollHeight, top: el.scrollTop };
      void fetchNextPage();
    }
  }, [messages.length, hasNextPage, isFetchingNextPage, thread.isFetchNextPageError, fetchNextPage]);

  // Images and players grow after they load; stay pinned to the end while the reader is there.
  useEffect(() => {
    const content = contentRef.current;
    if (!content) return;
    const observer = new ResizeObserver(() => {
      if (atBottom.current && !anchor.current) scrollRef.current?.scrollTo({ top: scrollRef.current.scrollHeight });
    });
    observer.observe(content);
    return () => observer.disconnect();
  }, [thread.status]);

  if (thread.isPending) return <ThreadSkeleton />;
  if (thread.isError) return <ErrorState message={toUserMessage(thread.error)} onRetry={() => void thread.refetch()} />;

  return (
    <div className="thread-wrap">
      <div ref={scrollRef} className="thread-scroll" onScroll={onScroll} data-testid="thread">
        <div ref={contentRef} className="thread" role="log" aria-label={`Messages with ${contactName}`}>
          <div className="thread-top">
            {hasNextPage ? (
              thread.isFetchNextPageError ? (
                <button type="button" className="btn btn-ghost btn-sm" onClick={() => void fetchNextPage()}>
                  Couldn’t load earlier messages. Try again
                </button>
              ) : (
                <span className="thread-loading">
                  <Spinner /> Loading earlier messages…
                </span>
              )
            ) : (
              <span className="thread-start">
                <MessageIcon /> Start of your conversation with {contactName}
              </span>
            )}
          </div>
          {days.map((day) => (
            <section key={day.key} className="thread-day-group" aria-label={day.label}>
              <div className="thread-day">
                <span>{day.label}</span>
              </div>
              {day.items.map((item) =>
                item.kind === 'event' ? (
                  <div key={item.key} className={`thread-event thread-event-${item.event.tone}`} data-testid="ownership-event">
                    <span>{item.event.text}</span>
                  </div>
                ) : item.kind === 'reaction' ? (
                  <div key={item.key} className="thread-system">
                    {item.message.direction === 'INBOUND' ? contactName : 'You'} reacted {item.emoji} to an earlier message
                  </div>
                ) : (
                  <MessageBubble
                    key={item.key}
                    message={item.message}
                    groupStart={item.groupStart}
                    reactions={item.reactions}
                    replyTo={item.replyTo}
                    contactName={contactName}
                    aiAgentName={aiAgentName}
                  />
                ),
              )}
            </section>
          ))}
          {unsent.map((m) => (
            <UnsentBubble key={m.id} message={m} onRetry={() => onRetry(m.id, m.body)} />
          ))}
        </div>
      </div>
      {showJump ? (
        <button type="button" className="thread-jump" onClick={scrollToBottom}>
          New messages <ChevronDownIcon />
        </button>
      ) : null}
    </div>
  );
}
