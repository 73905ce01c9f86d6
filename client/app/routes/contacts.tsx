import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useOutletContext, useSearchParams } from 'react-router';
import { CONTACT_SOURCES, CONTACT_STAGES, type ContactFilter } from '../../../src/contracts/contact.ts';
import type { MeDto } from '../../../src/contracts/dto.ts';
import { DownloadIcon, PlusIcon, UploadIcon } from '../../components/icons.tsx';
import { Modal } from '../../components/modal.tsx';
import { PanelBoundary } from '../../components/panel-boundary.tsx';
import { Alert, Spinner } from '../../components/states.tsx';
import type { ContactSort } from '../../features/contact/api/contact-list.ts';
import { useContactTags } from '../../features/contact/api/use-contacts.ts';
import { useExportContacts } from '../../features/contact/api/use-export-contacts.ts';
import { ContactFilters, ContactSortSelect } from '../../features/contact/components/contact-filters.tsx';
import { ContactForm } from '../../features/contact/components/contact-form.tsx';
import { ContactList } from '../../features/contact/components/contact-list.tsx';
import { ImportContacts } from '../../features/contact/components/import-contacts.tsx';
import { isTypingTarget } from '../../lib/is-typing-target.ts';
import { useTeammates } from './use-teammates.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const oneOf = <T extends string>(list: readonly T[], value: string | null): T | undefined => (value && (list as readonly string[]).includes(value) ? (value as T) : undefined);

/** The filter lives in the URL, so a reload or a shared link shows the same list. */
const filterFrom = (p: URLSearchParams): ContactFilter => {
  const f: ContactFilter = {};
  const q = p.get('q')?.trim();
  if (q) f.search = q;
  const stage = oneOf(CONTACT_STAGES, p.get('stage'));
  if (stage) f.stage = stage;
  const source = oneOf(CONTACT_SOURCES, p.get('source'));
  if (source) f.source = source;
  const owner = p.get('owner');
  if (owner === 'me' || owner === 'none' || (owner && UUID.test(owner))) f.owner = owner;
  const tag = p.get('tag')?.trim();
  if (tag) f.tag = tag;
  const dne = p.get('dne');
  if (dne === '1' || dne === '0') f.doNotEmail = dne === '1';
  return f;
};

const paramsFrom = (f: ContactFilter, sort: ContactSort): URLSearchParams => {
  const p = new URLSearchParams();
  if (f.search) p.set('q', f.search);
  if (f.stage) p.set('stage', f.stage);
  if (f.source) p.set('source', f.source);
  if (f.owner) p.set('owner', f.owner);
  if (f.tag) p.set('tag', f.tag);
  if (f.doNotEmail !== undefined) p.set('dne', f.doNotEmail ? '1' : '0');
  if (sort !== 'created') p.set('sort', sort);
  return p;
};

export function ContactsRoute() {
  const me = useOutletContext<MeDto>();
  const canBulk = me.user.role !== 'AGENT';
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => filterFrom(params), [params]);
  const sort: ContactSort = params.get('sort') === 'updated' ? 'updated' : 'created';
  const teammates = useTeammates();
  const tags = useContactTags();
  const exporter = useExportContacts();
  const [total, setTotal] = useState<number | null>(null);
  const [dialog, setDialog] = useState<'new' | 'import' | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);

  const hrefFor = useCallback((id: string) => `/contacts/${id}`, []);
  const onOpen = useCallback((id: string) => void navigate(`/contacts/${id}`), [navigate]);

  // "n" starts a new contact, as in most CRMs.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'n' || e.metaKey || e.ctrlKey || e.altKey || e.defaultPrevented || isTypingTarget(e.target) || dialog) return;
      e.preventDefault();
      setDialog('new');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [dialog]);

  return (
    <div className="contacts-page">
      <title>Contacts · Switchboard</title>
      <header className="contacts-head">
        <div className="inbox-title-group">
          <h1 className="page-title">Contacts</h1>
          <span className="inbox-total" data-testid="contacts-total">
            {total === null ? '' : total.toLocaleString('en')}
          </span>
        </div>
        <div className="page-actions">
          <ContactSortSelect sort={sort} onChange={(next) => setParams(paramsFrom(filter, next), { replace: true })} />
          {canBulk ? (
            <>
              <button type="button" className="btn btn-secondary btn-sm" onClick={() => setDialog('import')}>
                <UploadIcon /> Import
              </button>
              <button type="button" className="btn btn-secondary btn-sm" onClick={() => void exporter.run(filter)} disabled={exporter.pending} title="Download the filtered contacts as CSV">
                {exporter.pending ? <Spinner /> : <DownloadIcon />} Export
              </button>
            </>
          ) : null}
          <button type="button" className="btn btn-primary btn-sm" onClick={() => setDialog('new')} aria-keyshortcuts="N" title="New contact (N)">
            <PlusIcon /> New contact
          </button>
        </div>
      </header>
      {exporter.error ? <Alert tone="error">{exporter.error}</Alert> : null}
      <ContactFilters
        filter={filter}
        onChange={(next) => setParams(paramsFrom(next, sort), { replace: true })}
        teammates={teammates}
        tags={tags.data ?? []}
        searchRef={searchRef}
      />
      <div className="contacts-body">
        <PanelBoundary>
          <ContactList
            filter={filter}
            sort={sort}
            meId={me.user.id}
            hrefFor={hrefFor}
            onOpen={onOpen}
            onTotal={setTotal}
            searchRef={searchRef}
            emptyAction={
              <span className="state-action">
                <button type="button" className="btn btn-primary btn-sm" onClick={() => setDialog('new')}>
                  New contact
                </button>
              </span>
            }
          />
        </PanelBoundary>
      </div>
      {dialog === 'new' ? (
        <Modal title="New contact" onClose={() => setDialog(null)} wide>
          {(titleId) => (
            <ContactForm
              contact={null}
              teammates={teammates}
              meId={me.user.id}
              labelledBy={titleId}
              onDone={(created) => {
                setDialog(null);
                if (created) void navigate(`/contacts/${created.id}`);
              }}
            />
          )}
        </Modal>
      ) : dialog === 'import' ? (
        <Modal title="Import contacts" onClose={() => setDialog(null)} wide>
          {() => <ImportContacts onClose={() => setDialog(null)} />}
        </Modal>
      ) : null}
    </div>
  );
}
