import { trpc } from '../../../lib/trpc.ts';

export const useDeleteAiAgent = () => {
  const utils = trpc.useUtils();
  return trpc.aiAgent.delete.useMutation({
    onSuccess: (_void, { aiAgentId }) => utils.aiAgent.list.setData(undefined, (list) => list?.filter((a) => a.id !== aiAgentId)),
    onError: (err) => {
      if (err.data?.code === 'NOT_FOUND') void utils.aiAgent.list.invalidate();
    },
  });
};
