import { useEffect, useRef, useState, type RefObject } from 'react';
import { SearchIcon, XIcon } from '../../../components/icons.tsx';
import type { InboxFilter } from '../api/inbox-list.ts';

const ASSIGNEE_TABS: Array<{ value: InboxFilter['assignee']; label: string }> = [
  { value: 'mine', label: 'Mine' },
  { value: 'unassigned', label: 'Unassigned' },
  { value: 'all', label: 'All' },
];

const SEARCH_DEBOUNCE_MS = 250;

/** The list area the assignee tabs control. */
export const INBOX_PANEL_ID = 'inbox-conversations';

/** Debounced search box: the list follows the typing a beat later, not on every key. */
function SearchBox({ value, onChange, inputRef }: { value: string; onChange: (value: string) => void; inputRef: RefObject<HTMLInputElement | null> }) {
  const [text, setText] = useState(value);
  const sent = useRef(value);
  const latest = useRef(onChange);
  latest.current = onChange;
  const send = (next: string) => {
    sent.current = next.trim();
    latest.current(next);
  };

  // The filter changed elsewhere (back button, a link): show it. Our own echo is ignored, so
  // typing that continued while the list caught up is never overwritten.
  useEffect(() => {
    if (value === sent.current) return;
    sent.current = value;
    setText(value);
  }, [value]);

  useEffect(() => {
    if (text.trim() === sent.current) return;
    const timer = setTimeout(() => send(text), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);

  return (
    <div className="inbox-search">
      <SearchIcon className="inbox-search-icon" />
      <input
        ref={inputRef}
        type="search"
        className="input inbox-search-input"
        placeholder="Search name, number or message"
        aria-label="Search conversations"
        aria-keyshortcuts="/"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key !== 'Escape') return;
          e.preventDefault();
          setText('');
          send('');
          e.currentTarget.blur();
        }}
      />
      {text ? (
        <button
          type="button"
          className="inbox-search-clear"
          aria-label="Clear search"
          onClick={() => {
            setText('');
            send('');
            inputRef.current?.focus();
          }}
        >
          <XIcon />
        </button>
      ) : (
        <kbd className="kbd inbox-search-kbd" aria-hidden="true">
          /
        </kbd>
      )}
    </div>
  );
}

export function InboxToolbar({
  filter,
  total,
  onChange,
  searchRef,
}: {
  filter: InboxFilter;
  total: number | null;
  onChange: (next: InboxFilter) => void;
  searchRef: RefObject<HTMLInputElement | null>;
}) {
  return (
    <div className="inbox-toolbar">
      <div className="inbox-title-row">
        <div className="inbox-title-group">
          <h1 className="inbox-title">Inbox</h1>
          <span className="inbox-total" data-testid="inbox-total" title={total === null ? undefined : `${total.toLocaleString('en')} conversations`}>
            {total === null ? '' : total.toLocaleString('en')}
          </span>
        </div>
        <div className="segmented segmented-sm" role="group" aria-label="Status">
          {(['OPEN', 'RESOLVED'] as const).map((status) => (
            <button
              key={status}
              type="button"
              className="segmented-item"
              aria-pressed={filter.status === status}
              onClick={() => onChange({ ...filter, status })}
            >
              {status === 'OPEN' ? 'Open' : 'Resolved'}
            </button>
          ))}
        </div>
      </div>
      <div className="tabs" role="tablist" aria-label="Assignee">
        {ASSIGNEE_TABS.map((tab) => (
          <button
            key={tab.value}
            type="button"
            role="tab"
            className="tab"
            aria-selected={filter.assignee === tab.value}
            aria-controls={INBOX_PANEL_ID}
            onClick={() => onChange({ ...filter, assignee: tab.value })}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <SearchBox value={filter.search ?? ''} onChange={(search) => onChange({ ...filter, search: search.trim() || undefined })} inputRef={searchRef} />
    </div>
  );
}
