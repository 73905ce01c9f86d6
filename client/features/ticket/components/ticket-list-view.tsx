import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { SearchIcon, TicketIcon } from '../../../components/icons.tsx';
import { EmptyState, ErrorState, Spinner } from '../../../components/states.tsx';
import { toUserMessage } from '../../../lib/errors.ts';
import { useNow } from '../../../lib/use-now.ts';
import { flattenTickets, type TicketFilter } from '../api/ticket-list.ts';
import { useTickets, useTicketTags } from '../api/use-tickets.ts';
import { BulkBar } from './bulk-bar.tsx';
import { NewTicketDialog } from './new-ticket-dialog.tsx';
import { TicketRow } from './ticket-row.tsx';
import { TicketToolbar, type Teammate } from './ticket-toolbar.tsx';
import { useTicketListKeys } from './use-ticket-list-keys.ts';

function TableSkeleton() {
  return (
    <tbody aria-hidden="true">
      {Array.from({ length: 8 }, (_, i) => (
        <tr key={i} className="ticket-row">
          <td colSpan={8}>
            <span className="skeleton skeleton-line" style={{ width: `${50 + ((i * 13) % 40)}%` }} />
          </td>
        </tr>
      ))}
    </tbody>
  );
}

export type TicketListViewProps = {
  filter: TicketFilter;
  onFilterChange: (next: TicketFilter) => void;
  onReset: () => void;
  isDefault: boolean;
  teammates: Teammate[];
  meId: string;
};

/** The ticket list: filters, search, sort, bulk changes, live rows and the real total, page by page. */
export function TicketListView({ filter, onFilterChange, onReset, isDefault, teammates, meId }: TicketListViewProps) {
  const list = useTickets(filter);
  const tags = useTicketTags();
  const rows = useMemo(() => flattenTickets(list.data), [list.data]);
  const ids = useMemo(() => rows.map((r) => r.id), [rows]);
  const total = list.data?.pages[0]?.total ?? null;
  const now = useNow(30_000);
  const navigate = useNavigate();
  const searchRef = useRef<HTMLInputElement>(null);
  const [creating, setCreating] = useState(false);
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  const [cursor, setCursor] = useState<{ id: string | null; moved: number }>({ id: null, moved: 0 });
  const anchor = useRef<string | null>(null);
  const tableRef = useRef<HTMLTableElement>(null);

  // A row that left the list (filter, another agent's change) leaves the selection too.
  const selected = useMemo(() => ids.filter((id) => checked.has(id)), [ids, checked]);
  const cursorId = cursor.id && ids.includes(cursor.id) ? cursor.id : null;

  const toggle = useCallback(
    (id: string, range = false) => {
      setChecked((prev) => {
        const next = new Set(prev);
        const on = !prev.has(id);
        const from = range && anchor.current ? ids.indexOf(anchor.current) : -1;
        const to = ids.indexOf(id);
        if (from !== -1 && to !== -1) {
          for (const other of ids.slice(Math.min(from, to), Math.max(from, to) + 1)) on ? next.add(other) : next.delete(other);
        } else if (on) next.add(id);
        else next.delete(id);
        return next;
      });
      anchor.current = id;
    },
    [ids],
  );

  const hrefFor = useCallback((id: string) => `/tickets/${id}`, []);
  useTicketListKeys({
    ids,
    cursorId,
    onCursor: (id) => setCursor((c) => ({ id, moved: c.moved + 1 })),
    onToggle: toggle,
    onOpen: (id) => void navigate(hrefFor(id)),
    onNew: () => setCreating(true),
    searchRef,
  });
  useEffect(() => {
    if (cursor.moved === 0 || !cursorId) return;
    const row = tableRef.current?.querySelector<HTMLElement>(`[data-ticket-id="${cursorId}"]`);
    row?.scrollIntoView({ block: 'nearest' });
    row?.querySelector<HTMLElement>('.ticket-subject')?.focus({ preventScroll: true });
  }, [cursor.moved, cursorId]);

  const allChecked = rows.length > 0 && selected.length === rows.length;
  let body;
  if (list.status === 'pending') body = <TableSkeleton />;
  else if (list.status === 'error' && rows.length === 0) {
    body = (
      <tbody>
        <tr>
          <td colSpan={8}>
            <ErrorState message={toUserMessage(list.error)} onRetry={() => void list.refetch()} />
          </td>
        </tr>
      </tbody>
    );
  } else if (rows.length === 0) {
    body = (
      <tbody>
        <tr>
          <td colSpan={8}>
            {isDefault ? (
              <EmptyState title="No open tickets" icon={<TicketIcon />}>
                Create one with <kbd className="kbd">C</kbd>, or from a conversation in the inbox.
              </EmptyState>
            ) : (
              <EmptyState title="No tickets match" icon={<SearchIcon />}>
                Nothing matches these filters.{' '}
                <button type="button" className="link-button" onClick={onReset}>
                  Reset filters
                </button>
              </EmptyState>
            )}
          </td>
        </tr>
      </tbody>
    );
  } else {
    body = (
      <tbody>
        {rows.map((t) => (
          <TicketRow
            key={t.id}
            ticket={t}
            href={hrefFor(t.id)}
            now={now}
            checked={checked.has(t.id)}
            current={t.id === cursorId}
            meId={meId}
            onToggle={toggle}
          />
        ))}
      </tbody>
    );
  }

  return (
    <div className="tickets">
      <title>Tickets · Switchboard</title>
      <TicketToolbar
        filter={filter}
        total={total}
        onChange={onFilterChange}
        onReset={onReset}
        isDefault={isDefault}
        teammates={teammates}
        tags={tags.data ?? []}
        meId={meId}
        searchRef={searchRef}
        onNew={() => setCreating(true)}
      />
      <BulkBar ids={selected} teammates={teammates} onClear={() => setChecked(new Set())} />
      <div className="ticket-table-wrap" aria-busy={list.isPlaceholderData || undefined}>
        <table className="table ticket-table" ref={tableRef} aria-label="Tickets" aria-rowcount={total ?? undefined}>
          <colgroup>
            <col className="col-check" />
            <col className="col-number" />
            <col />
            <col className="col-ticket-status" />
            <col className="col-priority" />
            <col className="col-assignee" />
            <col className="col-sla" />
            <col className="col-updated" />
          </colgroup>
          <thead>
            <tr>
              <th className="ticket-cell-check">
                <input
                  type="checkbox"
                  className="checkbox"
                  aria-label={allChecked ? 'Clear selection' : 'Select all loaded tickets'}
                  checked={allChecked}
                  ref={(el) => {
                    if (el) el.indeterminate = selected.length > 0 && !allChecked;
                  }}
                  disabled={rows.length === 0}
                  onChange={() => setChecked(allChecked ? new Set() : new Set(ids))}
                />
              </th>
              <th>#</th>
              <th>Subject</th>
              <th>Status</th>
              <th>Priority</th>
              <th>Assignee</th>
              <th>SLA</th>
              <th>Updated</th>
            </tr>
          </thead>
          {body}
        </table>
        {rows.length > 0 ? (
          <div className="ticket-more">
            <span className="text-muted">
              Showing {rows.length.toLocaleString('en')} of {(total ?? rows.length).toLocaleString('en')}
            </span>
            {list.hasNextPage ? (
              <button type="button" className="btn btn-secondary btn-sm" disabled={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
                {list.isFetchingNextPage ? <Spinner /> : null}
                {list.isFetchNextPageError ? 'Couldn’t load more. Try again' : 'Load more'}
              </button>
            ) : null}
          </div>
        ) : null}
      </div>
      <NewTicketDialog open={creating} onClose={() => setCreating(false)} teammates={teammates} meId={meId} />
    </div>
  );
}
