import { keepPreviousData } from '@tanstack/react-query';
import type { ContactFilter } from '../../../../src/contracts/contact.ts';
import { trpc } from '../../../lib/trpc.ts';
import type { ContactSort } from './contact-list.ts';

export const CONTACT_PAGE_SIZE = 50;

export const contactListInput = (filter: ContactFilter, sort: ContactSort) => ({ ...filter, sort, limit: CONTACT_PAGE_SIZE });

/** One filtered contact list, page by page, with the server's real total; patched live by use-contact-events. */
export const useContacts = (filter: ContactFilter, sort: ContactSort) =>
  trpc.contact.list.useInfiniteQuery(contactListInput(filter, sort), {
    getNextPageParam: (page) => page.nextCursor,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });

/** Every tag in use, for the tag filter. */
export const useContactTags = () => trpc.contact.tags.useQuery(undefined, { staleTime: 60_000 });
