import { useQueryClient } from '@tanstack/react-query';
import { trpc } from '../../../lib/trpc.ts';
import { applyTaskToCaches } from './use-task-events.ts';

export const useCreateTask = () => {
  const queryClient = useQueryClient();
  const utils = trpc.useUtils();
  return trpc.task.create.useMutation({
    onSuccess: (task) => {
      applyTaskToCaches(queryClient, utils, task);
      void utils.task.counts.invalidate();
    },
  });
};
