import { type RefObject } from 'react';
import { SearchInput } from '../../../components/search-input.tsx';
import type { InboxFilter } from '../api/inbox-list.ts';

const ASSIGNEE_TABS: Array<{ value: InboxFilter['assignee']; label: string }> = [
  { value: 'mine', label: 'Mine' },
  { value: 'unassigned', label: 'Unassigned' },
  { value: 'all', label: 'All' },
];

/** The list area the assignee tabs control. */
export const INBOX_PANEL_ID = 'inbox-conversations';

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
      <SearchInput value={filter.search ?? ''} onChange={(search) => onChange({ ...filter, search: search || undefined })} inputRef={searchRef} label="Search conversations" placeholder="Search name, number or message" className="conversation-search" />
    </div>
  );
}
