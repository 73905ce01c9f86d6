import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { TaskDto } from '../../../../src/contracts/task.ts';
import { TaskIcon } from '../../../components/icons.tsx';
import { Alert, EmptyState, ErrorState, SkeletonRows, Spinner } from '../../../components/states.tsx';
import { toUserMessage } from '../../../lib/errors.ts';
import { useNow } from '../../../lib/use-now.ts';
import { flattenTasks, type TaskQuery } from '../api/task-cache.ts';
import { useTaskActions } from '../api/use-task-actions.ts';
import { useTasks } from '../api/use-tasks.ts';
import type { Teammate } from './reassign-menu.tsx';
import { TaskRow, type TaskRowActions } from './task-row.tsx';
import { useTaskKeys } from './use-task-keys.ts';

export type TaskListProps = {
  query: TaskQuery;
  teammates: Teammate[];
  meId: string;
  showContact: boolean;
  /** The page's own keyboard (j/k, x, s, z, a, e, Enter); one list per page has it. */
  keyboard: boolean;
  empty: { title: string; body: ReactNode };
  contactHref: (contactId: string) => string;
  onOpenContact: (contactId: string) => void;
  onDraftEmail: ((task: TaskDto) => void) | null;
  /** Shows the total next to a heading the caller owns. */
  onTotal?: (total: number | null) => void;
};

type Notice = { tone: 'success' | 'error'; text: string; undo: TaskDto | null };

/** A live task list with quick actions, an undo for the last one, and (on the tasks page) the keyboard. */
export function TaskList({ query, teammates, meId, showContact, keyboard, empty, contactHref, onOpenContact, onDraftEmail, onTotal }: TaskListProps) {
  const tasks = useTasks(query);
  const rows = useMemo(() => flattenTasks(tasks.data), [tasks.data]);
  const ids = useMemo(() => rows.map((t) => t.id), [rows]);
  const total = tasks.data?.pages[0]?.total ?? null;
  const now = useNow(60_000);
  const { complete, skip, snooze, reassign, reopen } = useTaskActions();
  const [busyId, setBusyId] = useState<string | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const listRef = useRef<HTMLUListElement>(null);

  useEffect(() => onTotal?.(total), [total, onTotal]);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(null), 8_000);
    return () => clearTimeout(timer);
  }, [notice]);

  const run = useCallback(
    <T,>(task: TaskDto, mutate: (opts: { onSuccess: (t: TaskDto) => void; onError: (err: unknown) => void; onSettled: () => void }) => T, done: (t: TaskDto) => string, undoable = true) => {
      setBusyId(task.id);
      // The selection moves on, so "x x x" works down the list.
      const index = ids.indexOf(task.id);
      mutate({
        onSuccess: (t) => {
          setNotice({ tone: 'success', text: done(t), undo: undoable ? task : null });
          if (selectedId === task.id) setSelectedId(ids[index + 1] ?? ids[index - 1] ?? null);
        },
        onError: (err) => setNotice({ tone: 'error', text: toUserMessage(err), undo: null }),
        onSettled: () => setBusyId(null),
      });
    },
    [ids, selectedId],
  );

  const actions: TaskRowActions = useMemo(
    () => ({
      complete: (t) => run(t, (o) => complete.mutate({ taskId: t.id }, o), () => `Completed “${t.title}”.`),
      skip: (t) => run(t, (o) => skip.mutate({ taskId: t.id }, o), () => `Skipped “${t.title}”.`),
      snooze: (t, until) =>
        run(t, (o) => snooze.mutate({ taskId: t.id, until: until.toISOString() }, o), () => `Snoozed “${t.title}” until ${until.toLocaleString('en', { weekday: 'short', hour: 'numeric', minute: '2-digit' })}.`, false),
      reassign: (t, userId) =>
        run(t, (o) => reassign.mutate({ taskId: t.id, assigneeId: userId }, o), (n) => `“${t.title}” is now ${n.assignee?.id === meId ? 'yours' : `with ${n.assignee?.name ?? 'a teammate'}`}.`, false),
      reopen: (t) => run(t, (o) => reopen.mutate({ taskId: t.id }, o), () => `Reopened “${t.title}”.`, false),
      draftEmail: onDraftEmail,
    }),
    [run, complete, skip, snooze, reassign, reopen, onDraftEmail, meId],
  );

  const select = useCallback((id: string) => {
    setSelectedId(id);
    listRef.current?.querySelector<HTMLElement>(`[data-task-id="${id}"]`)?.focus({ preventScroll: false });
  }, []);

  useTaskKeys(keyboard, {
    ids,
    selectedId,
    select,
    act: (key, id) => {
      const task = rows.find((t) => t.id === id);
      if (!task) return;
      if (key === 'open') return onOpenContact(task.contact.id);
      if (task.status !== 'OPEN') return;
      if (key === 'complete') actions.complete(task);
      else if (key === 'skip') actions.skip(task);
      else if (key === 'email' && onDraftEmail && task.contact.email && !task.contact.doNotEmail) onDraftEmail(task);
    },
  });

  if (tasks.isPending) return <SkeletonRows rows={4} />;
  if (tasks.isError && rows.length === 0) return <ErrorState message={toUserMessage(tasks.error)} onRetry={() => void tasks.refetch()} />;

  return (
    <div className="task-list-wrap" aria-busy={tasks.isPlaceholderData || undefined}>
      {notice ? (
        <div className="task-notice" data-testid="task-notice">
          <Alert tone={notice.tone}>
            {notice.text}
            {notice.undo ? (
              <>
                {' '}
                <button type="button" className="link-button" onClick={() => notice.undo && actions.reopen(notice.undo)}>
                  Undo
                </button>
              </>
            ) : null}
          </Alert>
        </div>
      ) : null}
      {rows.length === 0 ? (
        <EmptyState title={empty.title} icon={<TaskIcon />}>
          {empty.body}
        </EmptyState>
      ) : (
        <ul className="task-list" aria-label="Tasks" ref={listRef}>
          {rows.map((t) => (
            <TaskRow
              key={t.id}
              task={t}
              now={now}
              selected={t.id === selectedId}
              busy={busyId === t.id}
              showContact={showContact}
              teammates={teammates}
              meId={meId}
              actions={actions}
              contactHref={contactHref}
              onSelect={setSelectedId}
            />
          ))}
        </ul>
      )}
      {tasks.hasNextPage ? (
        <div className="list-more">
          <button type="button" className="btn btn-secondary btn-sm" onClick={() => void tasks.fetchNextPage()} disabled={tasks.isFetchingNextPage}>
            {tasks.isFetchingNextPage ? <Spinner /> : null} Load more
          </button>
        </div>
      ) : null}
    </div>
  );
}
