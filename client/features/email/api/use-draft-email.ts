import { trpc } from '../../../lib/trpc.ts';

/** Asks the AI for a draft; the result says whether the AI is offline, else the PENDING draft. */
export const useDraftEmail = () => {
  const utils = trpc.useUtils();
  return trpc.email.draft.useMutation({
    onSuccess: (result) => {
      // The finished draft's event can beat this answer: never replace it with the PENDING snapshot.
      if (result.draft) utils.email.getDraft.setData({ draftId: result.draft.id }, (current) => current ?? result.draft);
    },
  });
};

/** A draft, kept current by `email.draft_updated` events (use-email-events). */
export const useEmailDraft = (draftId: string | null) =>
  trpc.email.getDraft.useQuery({ draftId: draftId ?? '' }, { enabled: draftId !== null, staleTime: Infinity });
