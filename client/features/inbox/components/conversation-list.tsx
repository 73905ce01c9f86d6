import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { ConversationDto } from '../../../../src/contracts/conversation.ts';
import { InboxIcon, SearchIcon } from '../../../components/icons.tsx';
import { EmptyState, ErrorState, Spinner } from '../../../components/states.tsx';
import { toUserMessage } from '../../../lib/errors.ts';
import { useNow } from '../../../lib/use-now.ts';
import type { InboxFilter } from '../api/inbox-list.ts';
import { ConversationRow } from './conversation-row.tsx';

/** Every row is the same height, so 10,000 rows cost what the visible dozen cost. */
const ROW_HEIGHT = 76;
/** Ask for the next page this many rows before the end, so scrolling rarely waits. */
const PREFETCH_ROWS = 15;

function ListSkeleton() {
  return (
    <div className="conv-skeleton" aria-hidden="true">
      {Array.from({ length: 8 }, (_, i) => (
        <div key={i} className="conv-skeleton-row">
          <span className="skeleton skeleton-avatar-row" />
          <span className="conv-skeleton-lines">
            <span className="skeleton skeleton-line" style={{ width: `${45 + ((i * 13) % 30)}%` }} />
            <span className="skeleton skeleton-line" style={{ width: `${60 + ((i * 7) % 30)}%` }} />
          </span>
        </div>
      ))}
    </div>
  );
}

function EmptyInbox({ filter }: { filter: InboxFilter }) {
  if (filter.search) {
    return (
      <EmptyState title="No matches" icon={<SearchIcon />}>
        Nothing in {filter.status === 'OPEN' ? 'open' : 'resolved'} conversations matches “{filter.search}”. Try a name, a number or words from a message.
      </EmptyState>
    );
  }
  const scope = filter.assignee === 'mine' ? 'assigned to you' : filter.assignee === 'unassigned' ? 'waiting for an owner' : '';
  return (
    <EmptyState title={filter.status === 'OPEN' ? 'Inbox zero' : 'Nothing resolved yet'} icon={<InboxIcon />}>
      {filter.status === 'OPEN'
        ? `No open conversations${scope ? ` ${scope}` : ''}. New WhatsApp messages appear here the moment they arrive.`
        : `Conversations you resolve ${scope ? `(${scope}) ` : ''}are kept here.`}
    </EmptyState>
  );
}

export type ConversationListProps = {
  filter: InboxFilter;
  rows: ConversationDto[];
  total: number;
  status: 'pending' | 'error' | 'success';
  error: unknown;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  /** Loading the next page failed: offer a retry instead of a spinner. */
  nextPageFailed: boolean;
  fetchNextPage: () => void;
  refetch: () => void;
  activeId: string | null;
  selectedId: string | null;
  /** Goes up each time the keyboard moves the selection: scroll to it and give it focus (then, not on later renders). */
  focusRequest: number;
  hrefFor: (id: string) => string;
  assigneeName: (userId: string | null) => string | null;
};

export function ConversationList(props: ConversationListProps) {
  const { rows, total, hasNextPage, isFetchingNextPage, fetchNextPage, selectedId, focusRequest } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const now = useNow(30_000);

  const virtualizer = useVirtualizer({
    count: rows.length + (hasNextPage ? 1 : 0),
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    // Keyed by conversation: a row moving to the top keeps its element, so nothing flickers.
    getItemKey: (index) => rows[index]?.id ?? 'more',
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? -1;

  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && !props.nextPageFailed && lastIndex >= rows.length - PREFETCH_ROWS) fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, props.nextPageFailed, lastIndex, rows.length, fetchNextPage]);

  const selectedIndex = selectedId ? rows.findIndex((r) => r.id === selectedId) : -1;
  // Tab reaches the list once, on the selected row (or the first): a roving tab stop.
  const tabStopId = selectedIndex === -1 ? (rows[0]?.id ?? null) : selectedId;
  const latest = useRef({ selectedIndex, selectedId });
  latest.current = { selectedIndex, selectedId };
  useEffect(() => {
    const { selectedIndex: index, selectedId: id } = latest.current;
    if (focusRequest === 0 || index === -1) return;
    virtualizer.scrollToIndex(index, { align: 'auto' });
    const row = () => scrollRef.current?.querySelector<HTMLElement>(`[data-conversation-id="${id}"]`);
    // Usually the row is on screen already: focus it now, so a quick Enter acts on it.
    const rendered = row();
    if (rendered) return void rendered.focus({ preventScroll: true });
    // Otherwise after the scroll has rendered it.
    const frame = requestAnimationFrame(() => row()?.focus({ preventScroll: true }));
    return () => cancelAnimationFrame(frame);
  }, [focusRequest, virtualizer]);

  if (props.status === 'pending') return <ListSkeleton />;
  if (props.status === 'error' && rows.length === 0) {
    return <ErrorState message={toUserMessage(props.error)} onRetry={props.refetch} />;
  }
  if (rows.length === 0) return <EmptyInbox filter={props.filter} />;

  return (
    <div ref={scrollRef} className="conv-scroll">
      <div role="list" aria-label="Conversations" className="conv-list" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const c = rows[item.index];
          return (
            <div
              key={item.key}
              role="listitem"
              aria-setsize={total}
              aria-posinset={item.index + 1}
              className="conv-item"
              style={{ height: item.size, transform: `translateY(${item.start}px)` }}
            >
              {c ? (
                <ConversationRow
                  conversation={c}
                  href={props.hrefFor(c.id)}
                  active={c.id === props.activeId}
                  selected={c.id === selectedId}
                  tabStop={c.id === tabStopId}
                  assigneeName={props.assigneeName(c.assigneeId)}
                  now={now}
                />
              ) : props.nextPageFailed ? (
                <div className="conv-more">
                  Couldn’t load more.
                  <button type="button" className="btn btn-ghost btn-sm" onClick={fetchNextPage}>
                    Try again
                  </button>
                </div>
              ) : (
                <div className="conv-more">
                  <Spinner /> Loading more…
                </div>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
