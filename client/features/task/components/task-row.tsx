import { memo } from 'react';
import { Link } from 'react-router';
import type { TaskDto } from '../../../../src/contracts/task.ts';
import { Avatar } from '../../../components/avatar.tsx';
import { CheckIcon, MailIcon, RefreshIcon, SkipIcon } from '../../../components/icons.tsx';
import { Spinner } from '../../../components/states.tsx';
import { formatDateTime, formatRelative } from '../../../lib/format.ts';
import { dueLabel } from '../api/due-label.ts';
import { ReassignMenu, type Teammate } from './reassign-menu.tsx';
import { SnoozeMenu } from './snooze-menu.tsx';

export type TaskRowActions = {
  complete: (task: TaskDto) => void;
  skip: (task: TaskDto) => void;
  snooze: (task: TaskDto, until: Date) => void;
  reassign: (task: TaskDto, userId: string) => void;
  reopen: (task: TaskDto) => void;
  /** Null when emails cannot be drafted here. */
  draftEmail: ((task: TaskDto) => void) | null;
};

export type TaskRowProps = {
  task: TaskDto;
  now: number;
  selected: boolean;
  busy: boolean;
  showContact: boolean;
  teammates: Teammate[];
  meId: string;
  actions: TaskRowActions;
  contactHref: (contactId: string) => string;
  onSelect: (id: string) => void;
};

/** One follow-up: done circle, what and for whom, when, who, and the quick actions. */
export const TaskRow = memo(function TaskRow({ task, now, selected, busy, showContact, teammates, meId, actions, contactHref, onSelect }: TaskRowProps) {
  const open = task.status === 'OPEN';
  const due = dueLabel(task.dueAt, now);
  const contactName = task.contact.name || task.contact.email || task.contact.phone || 'Contact';
  const canEmail = open && actions.draftEmail !== null && task.contact.email !== null;
  return (
    <li
      className={['task-row', selected ? 'task-row-selected' : '', open ? '' : 'task-row-closed'].filter(Boolean).join(' ')}
      data-task-id={task.id}
      data-status={task.status}
      aria-label={task.title}
      aria-current={selected || undefined}
      tabIndex={selected ? 0 : -1}
      onFocus={() => onSelect(task.id)}
      onClick={() => onSelect(task.id)}
    >
      <button
        type="button"
        className={open ? 'task-check' : 'task-check task-check-done'}
        aria-label={open ? `Complete ${task.title}` : `Reopen ${task.title}`}
        title={open ? 'Complete (X)' : 'Reopen'}
        disabled={busy}
        onClick={(e) => {
          e.stopPropagation();
          if (open) actions.complete(task);
          else actions.reopen(task);
        }}
      >
        {busy ? <Spinner /> : task.status === 'DONE' ? <CheckIcon /> : task.status === 'SKIPPED' ? <SkipIcon /> : null}
      </button>
      <div className="task-main">
        <div className="task-title">
          <span className="cell-truncate">{task.title}</span>
          {task.cadenceStep ? <span className="chip" title="Step of the follow-up cadence">Step {task.cadenceStep}</span> : null}
        </div>
        <div className="task-meta">
          {showContact ? (
            <Link to={contactHref(task.contact.id)} className="task-contact" onClick={(e) => e.stopPropagation()}>
              {contactName}
              {task.contact.company ? <span className="task-company"> · {task.contact.company}</span> : null}
            </Link>
          ) : null}
          {open ? (
            <time className={`task-due task-due-${due.tone}`} dateTime={task.dueAt} title={formatDateTime(task.dueAt)}>
              {due.text}
              {task.snoozedUntil ? ' · snoozed' : ''}
            </time>
          ) : (
            <span className="task-done-note">
              {task.status === 'DONE' ? 'Done' : 'Skipped'}
              {task.completedBy ? ` by ${task.completedBy.id === meId ? 'you' : task.completedBy.name}` : ''}
              {task.completedAt ? ` ${formatRelative(task.completedAt, now)}` : ''}
              {task.emailId ? (
                <>
                  {' · '}
                  <Link to={`/emails/${task.emailId}`} onClick={(e) => e.stopPropagation()}>
                    email sent
                  </Link>
                </>
              ) : null}
              {task.skipReason ? ` · ${task.skipReason}` : ''}
            </span>
          )}
          {task.contact.doNotEmail ? (
            <span className="chip chip-danger" title={task.contact.doNotEmailReason ?? undefined}>
              Do not email
            </span>
          ) : null}
        </div>
      </div>
      {task.assignee ? (
        <span className="task-assignee" title={`Assigned to ${task.assignee.id === meId ? 'you' : task.assignee.name}`}>
          <Avatar name={task.assignee.name} seed={task.assignee.id} size="sm" />
        </span>
      ) : null}
      <div className="task-actions" onClick={(e) => e.stopPropagation()}>
        {open ? (
          <>
            {canEmail ? (
              <button
                type="button"
                className="btn btn-secondary btn-sm task-action"
                onClick={() => actions.draftEmail?.(task)}
                disabled={task.contact.doNotEmail}
                aria-keyshortcuts="E"
                title={task.contact.doNotEmail ? `Do not email${task.contact.doNotEmailReason ? `: ${task.contact.doNotEmailReason}` : ''}` : 'Draft an email with AI (E)'}
              >
                <MailIcon /> <span className="task-action-label">Draft email</span>
              </button>
            ) : null}
            <SnoozeMenu disabled={busy} onSnooze={(until) => actions.snooze(task, until)} />
            <ReassignMenu teammates={teammates} meId={meId} currentId={task.assigneeId} disabled={busy} onReassign={(id) => actions.reassign(task, id)} />
            <button type="button" className="btn btn-ghost btn-sm task-action" onClick={() => actions.skip(task)} disabled={busy} aria-keyshortcuts="S" title="Skip (S)" aria-label={`Skip ${task.title}`}>
              <SkipIcon />
            </button>
          </>
        ) : (
          <button type="button" className="btn btn-ghost btn-sm task-action" onClick={() => actions.reopen(task)} disabled={busy} title="Reopen">
            <RefreshIcon /> <span className="task-action-label">Reopen</span>
          </button>
        )}
      </div>
    </li>
  );
});
