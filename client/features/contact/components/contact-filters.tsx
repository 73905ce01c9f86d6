import type { RefObject } from 'react';
import { CONTACT_SOURCES, CONTACT_STAGES, type ContactFilter } from '../../../../src/contracts/contact.ts';
import { SearchInput } from '../../../components/search-input.tsx';
import { SOURCE_LABELS, STAGE_LABELS } from '../api/contact-labels.ts';
import type { ContactSort } from '../api/contact-list.ts';

export type Teammate = { id: string; name: string };

/** Search plus one compact select per filter; every choice lands in the URL (the route owns it). */
export function ContactFilters({
  filter,
  onChange,
  teammates,
  tags,
  searchRef,
}: {
  filter: ContactFilter;
  onChange: (next: ContactFilter) => void;
  teammates: Teammate[];
  tags: string[];
  searchRef: RefObject<HTMLInputElement | null>;
}) {
  const set = <K extends keyof ContactFilter>(key: K, value: ContactFilter[K] | undefined) => {
    const next = { ...filter };
    if (value === undefined) delete next[key];
    else next[key] = value;
    onChange(next);
  };
  const active = Object.keys(filter).filter((k) => k !== 'search').length;
  return (
    <div className="contact-filters">
      <SearchInput
        value={filter.search ?? ''}
        onChange={(search) => set('search', search || undefined)}
        inputRef={searchRef}
        label="Search contacts"
        placeholder="Search contacts"
      />
      <select className="input select select-filter" aria-label="Stage" value={filter.stage ?? ''} onChange={(e) => set('stage', (e.target.value || undefined) as ContactFilter['stage'])}>
        <option value="">Any stage</option>
        {CONTACT_STAGES.map((s) => (
          <option key={s} value={s}>
            {STAGE_LABELS[s]}
          </option>
        ))}
      </select>
      <select className="input select select-filter" aria-label="Source" value={filter.source ?? ''} onChange={(e) => set('source', (e.target.value || undefined) as ContactFilter['source'])}>
        <option value="">Any source</option>
        {CONTACT_SOURCES.map((s) => (
          <option key={s} value={s}>
            {SOURCE_LABELS[s]}
          </option>
        ))}
      </select>
      <select className="input select select-filter" aria-label="Owner" value={filter.owner ?? ''} onChange={(e) => set('owner', e.target.value || undefined)}>
        <option value="">Any owner</option>
        <option value="me">Mine</option>
        <option value="none">Unowned</option>
        {teammates.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name}
          </option>
        ))}
      </select>
      <select className="input select select-filter" aria-label="Tag" value={filter.tag ?? ''} onChange={(e) => set('tag', e.target.value || undefined)}>
        <option value="">Any tag</option>
        {tags.map((t) => (
          <option key={t} value={t}>
            {t}
          </option>
        ))}
      </select>
      <select
        className="input select select-filter"
        aria-label="Email permission"
        value={filter.doNotEmail === undefined ? '' : filter.doNotEmail ? 'blocked' : 'ok'}
        onChange={(e) => set('doNotEmail', e.target.value === '' ? undefined : e.target.value === 'blocked')}
      >
        <option value="">Any email status</option>
        <option value="ok">Can be emailed</option>
        <option value="blocked">Do not email</option>
      </select>
      {active > 0 ? (
        <button type="button" className="btn btn-ghost btn-sm" onClick={() => onChange(filter.search ? { search: filter.search } : {})}>
          Clear filters
        </button>
      ) : null}
    </div>
  );
}

/** Newest first, or recently updated first. */
export function ContactSortSelect({ sort, onChange }: { sort: ContactSort; onChange: (sort: ContactSort) => void }) {
  return (
    <select className="input select select-filter" aria-label="Sort" value={sort} onChange={(e) => onChange(e.target.value as ContactSort)}>
      <option value="created">Newest</option>
      <option value="updated">Recently updated</option>
    </select>
  );
}
