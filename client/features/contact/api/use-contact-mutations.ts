import type { ContactDto } from '../../../../src/contracts/contact.ts';
import { trpc } from '../../../lib/trpc.ts';

const useSetContact = () => {
  const utils = trpc.useUtils();
  return (contact: ContactDto) => utils.contact.get.setData({ contactId: contact.id }, contact);
};

/** The lists pick the new contact up from its `contact.created` event (with its cadence tasks). */
export const useCreateContact = () => {
  const set = useSetContact();
  return trpc.contact.create.useMutation({ onSuccess: set });
};

export const useUpdateContact = () => {
  const set = useSetContact();
  return trpc.contact.update.useMutation({ onSuccess: set });
};

/** Moves the contact along the pipeline at once; the server's answer (and event) confirms it. */
export const useSetStage = () => {
  const utils = trpc.useUtils();
  return trpc.contact.setStage.useMutation({
    onMutate: ({ contactId, stage }) => {
      const previous = utils.contact.get.getData({ contactId });
      utils.contact.get.setData({ contactId }, (c) => c && { ...c, stage });
      return { previous };
    },
    onError: (_err, { contactId }, context) => {
      if (context?.previous) utils.contact.get.setData({ contactId }, context.previous);
    },
    onSuccess: (contact) => utils.contact.get.setData({ contactId: contact.id }, contact),
  });
};

export const useDeleteContact = () => trpc.contact.delete.useMutation();

export const useImportContacts = () => trpc.contact.import.useMutation();
