import { trpc } from '../../../lib/trpc.ts';

/** Saving can move the default and channels away from others: the whole list is refetched. */
export const useUpdateAiAgent = () => {
  const utils = trpc.useUtils();
  return trpc.aiAgent.update.useMutation({ onSuccess: () => utils.aiAgent.list.invalidate() });
};
