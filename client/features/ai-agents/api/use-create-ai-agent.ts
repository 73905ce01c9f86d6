import { trpc } from '../../../lib/trpc.ts';

/** Creating one can move the default and channels away from others: the whole list is refetched. */
export const useCreateAiAgent = () => {
  const utils = trpc.useUtils();
  return trpc.aiAgent.create.useMutation({ onSuccess: () => utils.aiAgent.list.invalidate() });
};
