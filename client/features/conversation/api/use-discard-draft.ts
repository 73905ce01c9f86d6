import { trpc } from '../../../lib/trpc.ts';

/** Marks a draft used (its text went into the composer) or discarded; it leaves the list at once. */
export const useDiscardDraft = (conversationId: string) => {
  const utils = trpc.useUtils();
  return trpc.aiDraft.discard.useMutation({
    onMutate: ({ draftId }) => utils.aiDraft.list.setData({ conversationId }, (list) => list?.filter((d) => d.id !== draftId)),
    onError: () => void utils.aiDraft.list.invalidate({ conversationId }),
  });
};
