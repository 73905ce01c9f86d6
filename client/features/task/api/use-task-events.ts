import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { getQueryKey } from '@trpc/react-query';
import { useEffect } from 'react';
import type { TaskDto } from '../../../../src/contracts/task.ts';
import { onTenantEvent } from '../../../lib/event-dispatcher.ts';
import { trpc } from '../../../lib/trpc.ts';
import { contactSnapshot, patchTaskContact, placeTask, type TaskListData, type TaskQuery } from './task-cache.ts';

const LIST_KEY = getQueryKey(trpc.task.list);
type Utils = ReturnType<typeof trpc.useUtils>;
type ListKey = [readonly string[], { input?: TaskQuery; type?: string }];

/** Puts a task snapshot into every cached task list; a list it joined below its loaded rows is refetched. */
export const applyTaskToCaches = (queryClient: QueryClient, utils: Utils, task: TaskDto) => {
  const meId = utils.auth.me.getData()?.user.id ?? null;
  const now = Date.now();
  for (const query of queryClient.getQueryCache().findAll({ queryKey: LIST_KEY })) {
    const [, meta] = query.queryKey as unknown as ListKey;
    const data = query.state.data as TaskListData | undefined;
    if (meta?.type !== 'infinite' || !meta.input || !data) continue;
    const result = placeTask(data, task, meta.input, meId, now);
    if (result.data !== data) queryClient.setQueryData<TaskListData>(query.queryKey, result.data);
    if (result.total === 'unknown') void queryClient.invalidateQueries({ queryKey: query.queryKey, exact: true });
  }
};

/** A contact's change shown in the task rows naming it (and the composer opened from one). */
const applyContactToCaches = (queryClient: QueryClient, contact: TaskDto['contact']) => {
  const snapshot = contactSnapshot(contact);
  for (const query of queryClient.getQueryCache().findAll({ queryKey: LIST_KEY })) {
    const data = query.state.data as TaskListData | undefined;
    if (!data?.pages) continue;
    const next = patchTaskContact(data, snapshot);
    if (next !== data) queryClient.setQueryData<TaskListData>(query.queryKey, next);
  }
};

/** Task changes from anyone (cadence tasks for a new lead, a teammate completing one) patch every list and the counts. */
export const useTaskEvents = () => {
  const queryClient = useQueryClient();
  const utils = trpc.useUtils();
  useEffect(() => {
    let recount: ReturnType<typeof setTimeout> | null = null;
    const counts = () => {
      // A lead arrives with five tasks at once: count once.
      if (recount) return;
      recount = setTimeout(() => {
        recount = null;
        void utils.task.counts.invalidate();
      }, 300);
    };
    const off = onTenantEvent((event) => {
      switch (event.type) {
        case 'task.created':
        case 'task.updated':
          applyTaskToCaches(queryClient, utils, event.payload.task);
          counts();
          return;
        case 'contact.updated':
        case 'contact.stage_changed':
          applyContactToCaches(queryClient, event.payload.contact);
          return;
        case 'cadence.updated':
          utils.task.cadence.setData(undefined, event.payload.cadence);
          return;
        case 'contact.deleted':
        // An import creates its leads' tasks without an event each.
        case 'contacts.imported':
          void utils.task.list.invalidate();
          counts();
          return;
      }
    });
    return () => {
      off();
      if (recount) clearTimeout(recount);
    };
  }, [queryClient, utils]);
};
