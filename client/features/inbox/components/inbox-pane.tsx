import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { PanelBoundary } from '../../../components/panel-boundary.tsx';
import { flattenInbox, type InboxFilter } from '../api/inbox-list.ts';
import { useInbox } from '../api/use-inbox.ts';
import { ConversationList } from './conversation-list.tsx';
import { INBOX_PANEL_ID, InboxToolbar } from './inbox-toolbar.tsx';
import { useInboxKeys } from './use-inbox-keys.ts';

export type InboxPaneProps = {
  filter: InboxFilter;
  onFilterChange: (next: InboxFilter) => void;
  activeId: string | null;
  hrefFor: (id: string) => string;
  onOpen: (id: string) => void;
  assigneeName: (userId: string | null) => string | null;
};

/** The inbox's left pane: filters, search, the live total and the virtualised list. */
export function InboxPane({ filter, onFilterChange, activeId, hrefFor, onOpen, assigneeName }: InboxPaneProps) {
  const inbox = useInbox(filter);
  const rows = useMemo(() => flattenInbox(inbox.data), [inbox.data]);
  const ids = useMemo(() => rows.map((r) => r.id), [rows]);
  const total = inbox.data?.pages[0]?.total ?? null;
  const searchRef = useRef<HTMLInputElement>(null);

  // The keyboard's cursor; `focusRequest` counts key presses, so only a key press moves focus.
  const [selection, setSelection] = useState<{ id: string | null; focusRequest: number }>({ id: activeId, focusRequest: 0 });
  // Opening a conversation (click, link, Enter) moves the selection with it.
  useEffect(() => setSelection((s) => ({ id: activeId, focusRequest: s.focusRequest })), [activeId]);
  const selectedId = selection.id && ids.includes(selection.id) ? selection.id : (activeId ?? null);

  useInboxKeys({
    ids,
    selectedId,
    onSelect: useCallback((id: string) => setSelection((s) => ({ id, focusRequest: s.focusRequest + 1 })), []),
    onOpen,
    searchRef,
  });

  const { hasNextPage, isFetchingNextPage, fetchNextPage, refetch } = inbox;
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);
  return (
    <section className="inbox-pane" aria-label="Conversations" data-inbox-keys>
      <InboxToolbar filter={filter} total={total} onChange={onFilterChange} searchRef={searchRef} />
      <div className="inbox-pane-body" id={INBOX_PANEL_ID} role="tabpanel" aria-label="Conversation list" aria-busy={inbox.isPlaceholderData || undefined}>
        <PanelBoundary>
          <ConversationList
            filter={filter}
            rows={rows}
            total={total ?? rows.length}
            status={inbox.status}
            error={inbox.error}
            hasNextPage={hasNextPage}
            isFetchingNextPage={isFetchingNextPage}
            nextPageFailed={inbox.isFetchNextPageError}
            fetchNextPage={loadMore}
            refetch={() => void refetch()}
            activeId={activeId}
            selectedId={selectedId}
            focusRequest={selection.focusRequest}
            hrefFor={hrefFor}
            assigneeName={assigneeName}
          />
        </PanelBoundary>
      </div>
    </section>
  );
}
