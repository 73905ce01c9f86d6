import { trpc } from '../../../lib/trpc.ts';

/** One contact; patched live by use-contact-events. */
export const useContact = (contactId: string) => trpc.contact.get.useQuery({ contactId }, { staleTime: 60_000 });
