import { useRef, type RefObject } from 'react';
import { SLA_STATES, TICKET_PRIORITIES, TICKET_SORTS, TICKET_STATUSES, type TicketSort } from '../../../../src/contracts/ticket.ts';
import { PlusIcon, XIcon } from '../../../components/icons.tsx';
import { SearchInput } from '../../../components/search-input.tsx';
import { PRIORITY_LABELS, SLA_STATE_LABELS, STATUS_LABELS } from '../api/ticket-format.ts';
import type { TicketFilter } from '../api/ticket-list.ts';
import { FilterMenu } from './filter-menu.tsx';

export type Teammate = { id: string; name: string };

const SORT_LABELS: Record<TicketSort, string> = { sla_due: 'SLA due', updated: 'Last updated', created: 'Newest', priority: 'Priority' };

export function TicketToolbar({
  filter,
  total,
  onChange,
  onReset,
  isDefault,
  teammates,
  tags,
  meId,
  searchRef,
  onNew,
}: {
  filter: TicketFilter;
  total: number | null;
  onChange: (next: TicketFilter) => void;
  onReset: () => void;
  isDefault: boolean;
  teammates: Teammate[];
  tags: string[];
  meId: string;
  searchRef: RefObject<HTMLInputElement | null>;
  onNew: () => void;
}) {
  const assigneeOptions = [
    { value: 'me', label: 'Me' },
    { value: 'unassigned', label: 'Unassigned' },
    ...teammates.filter((t) => t.id !== meId).map((t) => ({ value: t.id, label: t.name })),
  ];
  return (
    <div className="ticket-toolbar">
      <div className="ticket-title-row">
        <div className="inbox-title-group">
          <h1 className="inbox-title">Tickets</h1>
          <span className="inbox-total" data-testid="ticket-total" title={total === null ? undefined : `${total.toLocaleString('en')} tickets match`}>
            {total === null ? '' : total.toLocaleString('en')}
          </span>
        </div>
        <SearchInput value={filter.search ?? ''} onChange={(search) => onChange({ ...filter, search: search || undefined })} inputRef={searchRef} label="Search tickets" placeholder="Search subject or #number" className="ticket-search" />
        <button type="button" className="btn btn-primary btn-sm" onClick={onNew} aria-keyshortcuts="C" title="New ticket (C)">
          <PlusIcon /> New ticket
          <kbd className="kbd kbd-inline kbd-on-primary" aria-hidden="true">
            C
          </kbd>
        </button>
      </div>
      <div className="ticket-filters" role="group" aria-label="Filters">
        <FilterMenu
          label="Status"
          multiple
          options={TICKET_STATUSES.map((value) => ({ value, label: STATUS_LABELS[value] }))}
          selected={filter.status ?? []}
          onChange={(status) => onChange({ ...filter, status })}
        />
        <FilterMenu
          label="Priority"
          multiple
          options={[...TICKET_PRIORITIES].reverse().map((value) => ({ value, label: PRIORITY_LABELS[value] }))}
          selected={filter.priority ?? []}
          onChange={(priority) => onChange({ ...filter, priority })}
        />
        <FilterMenu
          label="Assignee"
          multiple={false}
          allLabel="Anyone"
          options={assigneeOptions}
          selected={filter.assignee ? [filter.assignee] : []}
          onChange={([assignee]) => onChange({ ...filter, assignee })}
        />
        <FilterMenu
          label="SLA"
          multiple
          options={SLA_STATES.filter((s) => s !== 'none').map((value) => ({ value, label: SLA_STATE_LABELS[value] }))}
          selected={filter.slaState ?? []}
          onChange={(slaState) => onChange({ ...filter, slaState })}
        />
        <FilterMenu
          label="Tag"
          multiple={false}
          options={(filter.tag && !tags.includes(filter.tag) ? [filter.tag, ...tags] : tags).map((value) => ({ value, label: value }))}
          selected={filter.tag ? [filter.tag] : []}
          onChange={([tag]) => onChange({ ...filter, tag })}
        />
        {!isDefault ? (
          <button type="button" className="btn btn-ghost btn-sm" onClick={onReset}>
            <XIcon /> Reset
          </button>
        ) : null}
        <label className="ticket-sort">
          <span className="ticket-sort-label">Sort</span>
          <select className="input select select-compact" value={filter.sort} onChange={(e) => onChange({ ...filter, sort: e.target.value as TicketSort })}>
            {TICKET_SORTS.map((s) => (
              <option key={s} value={s}>
                {SORT_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
      </div>
    </div>
  );
}
