import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ContactFilter } from '../../../../src/contracts/contact.ts';
import { ContactsIcon, SearchIcon } from '../../../components/icons.tsx';
import { EmptyState, ErrorState, Spinner } from '../../../components/states.tsx';
import { toUserMessage } from '../../../lib/errors.ts';
import { isTypingTarget } from '../../../lib/is-typing-target.ts';
import { useNow } from '../../../lib/use-now.ts';
import { flattenContacts, type ContactSort } from '../api/contact-list.ts';
import { useContacts } from '../api/use-contacts.ts';
import { ContactRow } from './contact-row.tsx';

/** Fixed row height: 10,000 contacts cost what the visible two dozen cost. */
const ROW_HEIGHT = 52;
const PREFETCH_ROWS = 20;

function ListSkeleton() {
  return (
    <div className="crow-skeleton" aria-hidden="true">
      {Array.from({ length: 10 }, (_, i) => (
        <div key={i} className="crow-skeleton-row">
          <span className="skeleton skeleton-avatar" />
          <span className="skeleton skeleton-line" style={{ width: `${30 + ((i * 13) % 30)}%` }} />
        </div>
      ))}
    </div>
  );
}

/**
 * The contacts table: virtualised, paged from the server as it scrolls, live. j/k (↑/↓) move,
 * Enter opens, / searches.
 */
export function ContactList({
  filter,
  sort,
  meId,
  hrefFor,
  onOpen,
  onTotal,
  searchRef,
  emptyAction,
}: {
  filter: ContactFilter;
  sort: ContactSort;
  meId: string;
  hrefFor: (id: string) => string;
  onOpen: (id: string) => void;
  onTotal: (total: number | null) => void;
  searchRef: React.RefObject<HTMLInputElement | null>;
  emptyAction: ReactNode;
}) {
  const contacts = useContacts(filter, sort);
  const rows = useMemo(() => flattenContacts(contacts.data), [contacts.data]);
  const total = contacts.data?.pages[0]?.total ?? null;
  const scrollRef = useRef<HTMLDivElement>(null);
  const now = useNow(60_000);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  useEffect(() => onTotal(total), [total, onTotal]);

  const { hasNextPage, isFetchingNextPage, fetchNextPage } = contacts;
  const virtualizer = useVirtualizer({
    count: rows.length + (hasNextPage ? 1 : 0),
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    getItemKey: (index) => rows[index]?.id ?? 'more',
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? -1;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && !contacts.isFetchNextPageError && lastIndex >= rows.length - PREFETCH_ROWS) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, contacts.isFetchNextPageError, lastIndex, rows.length, fetchNextPage]);

  const latest = useRef({ rows, selectedId, onOpen });
  latest.current = { rows, selectedId, onOpen };
  const focusRow = useCallback(
    (id: string, index: number) => {
      virtualizer.scrollToIndex(index, { align: 'auto' });
      requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLElement>(`[data-contact-id="${id}"]`)?.focus({ preventScroll: true }));
    },
    [virtualizer],
  );
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.metaKey || e.ctrlKey || e.altKey || isTypingTarget(e.target)) return;
      const { rows, selectedId, onOpen } = latest.current;
      if (e.key === '/') {
        e.preventDefault();
        searchRef.current?.focus();
        return;
      }
      const step = e.key === 'j' || e.key === 'ArrowDown' ? 1 : e.key === 'k' || e.key === 'ArrowUp' ? -1 : 0;
      if (step !== 0 && rows.length > 0) {
        e.preventDefault();
        const index = selectedId ? rows.findIndex((r) => r.id === selectedId) : -1;
        const next = index === -1 ? 0 : Math.min(rows.length - 1, Math.max(0, index + step));
        setSelectedId(rows[next]!.id);
        focusRow(rows[next]!.id, next);
        return;
      }
      if (e.key === 'Enter' && selectedId && !(e.target instanceof HTMLAnchorElement || e.target instanceof HTMLButtonElement)) {
        e.preventDefault();
        onOpen(selectedId);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [focusRow, searchRef]);

  if (contacts.isPending) return <ListSkeleton />;
  if (contacts.isError && rows.length === 0) return <ErrorState message={toUserMessage(contacts.error)} onRetry={() => void contacts.refetch()} />;
  if (rows.length === 0) {
    const filtered = Object.keys(filter).length > 0;
    return filtered ? (
      <EmptyState title="No matches" icon={<SearchIcon />}>
        No contact matches these filters{filter.search ? ` and “${filter.search}”` : ''}.
      </EmptyState>
    ) : (
      <EmptyState title="No contacts yet" icon={<ContactsIcon />}>
        Leads from web forms, WhatsApp conversations and imports appear here. {emptyAction}
      </EmptyState>
    );
  }

  const tabStopId = selectedId && rows.some((r) => r.id === selectedId) ? selectedId : rows[0]!.id;
  return (
    <div className="ctable" aria-busy={contacts.isPlaceholderData || undefined}>
      <div className="crow crow-head" aria-hidden="true">
        <span>Name</span>
        <span>Company</span>
        <span>Stage</span>
        <span>Source</span>
        <span>Owner</span>
        <span>Tags</span>
        <span className="crow-time">
          Added
        </span>
      </div>
      <div ref={scrollRef} className="ctable-scroll">
        <div className="ctable-inner" role="list" aria-label="Contacts" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const c = rows[item.index];
            return (
              <div key={item.key} role="listitem" aria-setsize={total ?? rows.length} aria-posinset={item.index + 1} className="ctable-item" style={{ height: item.size, transform: `translateY(${item.start}px)` }} onFocus={() => c && setSelectedId(c.id)}>
                {c ? (
                  <ContactRow contact={c} href={hrefFor(c.id)} selected={c.id === selectedId} tabStop={c.id === tabStopId} meId={meId} now={now} />
                ) : contacts.isFetchNextPageError ? (
                  <div className="conv-more">
                    Couldn’t load more.
                    <button type="button" className="btn btn-ghost btn-sm" onClick={() => void fetchNextPage()}>
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
    </div>
  );
}
