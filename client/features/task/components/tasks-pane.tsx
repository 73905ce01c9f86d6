import type { TaskDto, TaskStatus } from '../../../../src/contracts/task.ts';
import { useTaskCounts } from '../api/use-tasks.ts';
import type { TaskQuery } from '../api/task-cache.ts';
import type { Teammate } from './reassign-menu.tsx';
import { TaskList } from './task-list.tsx';

export type TaskView = 'mine' | 'today' | 'overdue' | 'all';
export type TasksFilter = { view: TaskView; everyone: boolean; status: TaskStatus | null };

const TABS: Array<{ view: TaskView; label: string; count: 'mine' | 'today' | 'overdue' | null }> = [
  { view: 'mine', label: 'Mine', count: 'mine' },
  { view: 'today', label: 'Today', count: 'today' },
  { view: 'overdue', label: 'Overdue', count: 'overdue' },
  { view: 'all', label: 'All', count: null },
];

const STATUSES: Array<{ value: TaskStatus | null; label: string }> = [
  { value: 'OPEN', label: 'Open' },
  { value: 'DONE', label: 'Done' },
  { value: 'SKIPPED', label: 'Skipped' },
  { value: null, label: 'Any' },
];

const EMPTY: Record<TaskView, { title: string; body: string }> = {
  mine: { title: 'No open tasks', body: 'Follow-ups for your leads appear here as leads arrive.' },
  today: { title: 'Nothing due today', body: 'Tasks due today and overdue ones show here.' },
  overdue: { title: 'Nothing overdue', body: 'You are on top of your follow-ups.' },
  all: { title: 'No tasks', body: 'Creating a lead creates its follow-up tasks from the cadence.' },
};

const PANEL_ID = 'task-list-panel';

export const queryOf = (f: TasksFilter): TaskQuery =>
  f.view === 'mine'
    ? { view: 'mine' }
    : { view: f.view, assignee: f.everyone ? 'anyone' : 'me', ...(f.view === 'all' && f.status ? { status: f.status } : {}) };

/** Tabs (mine, today, overdue, all) with live counts, the filters of the tab, and its list. */
export function TasksPane({
  filter,
  onFilterChange,
  teammates,
  meId,
  contactHref,
  onOpenContact,
  onDraftEmail,
}: {
  filter: TasksFilter;
  onFilterChange: (next: TasksFilter) => void;
  teammates: Teammate[];
  meId: string;
  contactHref: (contactId: string) => string;
  onOpenContact: (contactId: string) => void;
  onDraftEmail: (task: TaskDto) => void;
}) {
  const counts = useTaskCounts();
  return (
    <section className="panel tasks-panel" aria-label="Tasks">
      <div className="tasks-toolbar">
        <div className="tabs" role="tablist" aria-label="Task lists">
          {TABS.map((tab) => {
            const n = tab.count && counts.data ? counts.data[tab.count] : null;
            return (
              <button
                key={tab.view}
                type="button"
                role="tab"
                className="tab"
                aria-selected={filter.view === tab.view}
                aria-controls={PANEL_ID}
                onClick={() => onFilterChange({ ...filter, view: tab.view })}
              >
                {tab.label}
                {n !== null && n > 0 ? <span className={tab.view === 'overdue' ? 'tab-count tab-count-danger' : 'tab-count'}>{n}</span> : null}
              </button>
            );
          })}
        </div>
        <div className="tasks-filters">
          {filter.view === 'all' ? (
            <div className="segmented segmented-sm" role="group" aria-label="Status">
              {STATUSES.map((s) => (
                <button key={s.label} type="button" className="segmented-item" aria-pressed={filter.status === s.value} onClick={() => onFilterChange({ ...filter, status: s.value })}>
                  {s.label}
                </button>
              ))}
            </div>
          ) : null}
          {filter.view !== 'mine' ? (
            <div className="segmented segmented-sm" role="group" aria-label="Whose tasks">
              <button type="button" className="segmented-item" aria-pressed={!filter.everyone} onClick={() => onFilterChange({ ...filter, everyone: false })}>
                Mine
              </button>
              <button type="button" className="segmented-item" aria-pressed={filter.everyone} onClick={() => onFilterChange({ ...filter, everyone: true })}>
                Everyone’s
              </button>
            </div>
          ) : null}
        </div>
      </div>
      <div id={PANEL_ID} role="tabpanel" aria-label="Task list">
        <TaskList
          query={queryOf(filter)}
          teammates={teammates}
          meId={meId}
          showContact
          keyboard
          empty={EMPTY[filter.view]}
          contactHref={contactHref}
          onOpenContact={onOpenContact}
          onDraftEmail={onDraftEmail}
        />
      </div>
      <div className="tasks-keys" aria-hidden="true">
        <kbd className="kbd">j</kbd>/<kbd className="kbd">k</kbd> move · <kbd className="kbd">x</kbd> complete · <kbd className="kbd">s</kbd> skip ·{' '}
        <kbd className="kbd">z</kbd> snooze · <kbd className="kbd">a</kbd> reassign · <kbd className="kbd">e</kbd> email · <kbd className="kbd">Enter</kbd> contact
      </div>
    </section>
  );
}
