import { keepPreviousData } from '@tanstack/react-query';
import { trpc } from '../../../lib/trpc.ts';
import type { TaskQuery } from './task-cache.ts';

export const TASK_PAGE_SIZE = 50;

/** "Today" is the viewer's calendar day: lists are asked for in the browser's zone. */
export const browserTimeZone = (): string | undefined => {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
};

export const taskListInput = (q: TaskQuery) => ({ ...q, timeZone: browserTimeZone(), limit: TASK_PAGE_SIZE });

/** A task list, page by page; patched live by use-task-events. */
export const useTasks = (q: TaskQuery) =>
  trpc.task.list.useInfiniteQuery(taskListInput(q), {
    getNextPageParam: (page) => page.nextCursor,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });

/** Open tasks assigned to me: all, today, overdue (the tab badges). */
export const useTaskCounts = () => trpc.task.counts.useQuery({ timeZone: browserTimeZone() }, { staleTime: 60_000 });
