import { describe, expect, it } from 'vitest';
import type { ContactDto, ContactFilter } from '../../../../src/contracts/contact.ts';
import { flattenContacts, matchesContactFilter, placeContact, type ContactListData } from './contact-list.ts';

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 12, minute)).toISOString();

const contact = (id: string, minute: number, extra: Partial<ContactDto> = {}): ContactDto => ({
  id,
  name: `Lead ${id}`,
  email: `${id}@example.test`,
  phone: '+14155550100',
  company: 'Acme',
  source: 'MANUAL',
  stage: 'NEW',
  ownerId: 'me',
  owner: { id: 'me', name: 'Me' },
  tags: ['vip'],
  notes: '',
  doNotEmail: false,
  doNotEmailReason: null,
  createdAt: at(minute),
  updatedAt: at(minute),
  ...extra,
});

const pages = (total: number, ...chunks: Array<{ items: ContactDto[]; more: boolean }>): ContactListData => ({
  pages: chunks.map((c, i) => ({ items: c.items, nextCursor: c.more ? `cursor-${i}` : null, total })),
  pageParams: chunks.map((_, i) => (i === 0 ? null : `cursor-${i - 1}`)),
});

const ids = (data: ContactListData) => flattenContacts(data).map((c) => c.id);
const all: ContactFilter = {};

describe('matchesContactFilter', () => {
  it.each<[string, Partial<ContactDto>, ContactFilter, boolean | 'unknown']>([
    ['no filter', {}, all, true],
    ['stage differs', { stage: 'WON' }, { stage: 'NEW' }, false],
    ['stage matches', { stage: 'WON' }, { stage: 'WON' }, true],
    ['source differs', { source: 'IMPORT' }, { source: 'WEB_FORM' }, false],
    ['do-not-email only', { doNotEmail: false }, { doNotEmail: true }, false],
    ['tag, any case', { tags: ['VIP'] }, { tag: 'vip' }, true],
    ['tag missing', { tags: [] }, { tag: 'vip' }, false],
    ['owner me', { ownerId: 'me' }, { owner: 'me' }, true],
    ['owner none', { ownerId: 'me' }, { owner: 'none' }, false],
    ['owner by id', { ownerId: 'x' }, { owner: '7b0c1f7e-0000-4000-8000-000000000000' }, false],
    ['search by name', { name: 'Ana Silva' }, { search: 'silva' }, true],
    ['search by phone digits', { phone: '+14155550177' }, { search: '550177' }, true],
    ['search miss is unknown', {}, { search: 'zzz' }, 'unknown'],
  ])('%s', (_name, extra, filter, expected) => expect(matchesContactFilter(contact('a', 1, extra), filter, 'me')).toBe(expected));
});

describe('placeContact', () => {
  it('puts a new contact on top and counts it', () => {
    const data = pages(2, { items: [contact('b', 2), contact('a', 1)], more: false });
    const result = placeContact(data, contact('c', 3), all, 'created', 'me', true);
    expect(ids(result.data)).toEqual(['c', 'b', 'a']);
    expect(result.data.pages[0]!.total).toBe(3);
  });

  it('replaces an edited contact where it stands', () => {
    const data = pages(2, { items: [contact('b', 2), contact('a', 1)], more: false });
    const result = placeContact(data, contact('a', 1, { name: 'Renamed', updatedAt: at(9) }), all, 'created', 'me', false);
    expect(ids(result.data)).toEqual(['b', 'a']);
    expect(flattenContacts(result.data)[1]!.name).toBe('Renamed');
    expect(result.total).toBe(0);
  });

  it('moves an edited contact to the top of a list sorted by update', () => {
    const data = pages(2, { items: [contact('b', 2), contact('a', 1)], more: false });
    const result = placeContact(data, contact('a', 1, { updatedAt: at(9) }), all, 'updated', 'me', false);
    expect(ids(result.data)).toEqual(['a', 'b']);
  });

  it('takes a contact out of a list it no longer matches', () => {
    const data = pages(2, { items: [contact('b', 2), contact('a', 1)], more: false });
    const result = placeContact(data, contact('a', 1, { stage: 'WON' }), { stage: 'NEW' }, 'created', 'me', false);
    expect(ids(result.data)).toEqual(['b']);
    expect(result.data.pages[0]!.total).toBe(1);
  });

  it('asks for the total when a contact it never had starts matching and more pages exist', () => {
    const data = pages(90, { items: [contact('b', 20), contact('a', 10)], more: true });
    const result = placeContact(data, contact('z', 5, { stage: 'WON' }), { stage: 'WON' }, 'created', 'me', false);
    expect(result.total).toBe('unknown');
    expect(ids(result.data)).toEqual(['b', 'a']);
  });

  it('leaves a list alone for a contact that does not match', () => {
    const data = pages(1, { items: [contact('a', 1)], more: false });
    const result = placeContact(data, contact('b', 2, { stage: 'LOST' }), { stage: 'NEW' }, 'created', 'me', false);
    expect(result.data).toBe(data);
  });
});
