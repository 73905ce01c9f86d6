import { useQueryClient } from '@tanstack/react-query';
import type { TaskDto } from '../../../../src/contracts/task.ts';
import { trpc } from '../../../lib/trpc.ts';
import { applyTaskToCaches } from './use-task-events.ts';

/**
 * Complete, skip, snooze, reassign, reopen. Each answer is the task's new snapshot, placed into
 * every cached list at once (the event that follows finds it already there).
 */
export const useTaskActions = () => {
  const queryClient = useQueryClient();
  const utils = trpc.useUtils();
  const onSuccess = (task: TaskDto) => {
    applyTaskToCaches(queryClient, utils, task);
    void utils.task.counts.invalidate();
  };
  return {
    complete: trpc.task.complete.useMutation({ onSuccess }),
    skip: trpc.task.skip.useMutation({ onSuccess }),
    snooze: trpc.task.snooze.useMutation({ onSuccess }),
    reassign: trpc.task.reassign.useMutation({ onSuccess }),
    reopen: trpc.task.reopen.useMutation({ onSuccess }),
  };
};
