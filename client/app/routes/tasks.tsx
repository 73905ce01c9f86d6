import { useCallback, useMemo, useState } from 'react';
import { useNavigate, useOutletContext, useSearchParams } from 'react-router';
import type { MeDto } from '../../../src/contracts/dto.ts';
import type { EmailDto } from '../../../src/contracts/email.ts';
import type { TaskDto, TaskStatus } from '../../../src/contracts/task.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { useContact } from '../../features/contact/api/use-contact.ts';
import { EmailSentNotice } from '../../features/email/components/email-sent-notice.tsx';
import { EmailComposer } from '../../features/email/components/email-composer.tsx';
import { TasksPane, type TasksFilter, type TaskView } from '../../features/task/components/tasks-pane.tsx';
import { useTeammates } from './use-teammates.ts';

const VIEWS: readonly TaskView[] = ['mine', 'today', 'overdue', 'all'];
const STATUSES: readonly TaskStatus[] = ['OPEN', 'DONE', 'SKIPPED'];

const filterFrom = (p: URLSearchParams): TasksFilter => {
  const view = p.get('view');
  const status = p.get('status');
  return {
    view: view && (VIEWS as readonly string[]).includes(view) ? (view as TaskView) : 'mine',
    everyone: p.get('everyone') === '1',
    status: status === 'any' ? null : status && (STATUSES as readonly string[]).includes(status) ? (status as TaskStatus) : 'OPEN',
  };
};

const paramsFrom = (f: TasksFilter): URLSearchParams => {
  const p = new URLSearchParams();
  if (f.view !== 'mine') p.set('view', f.view);
  if (f.everyone) p.set('everyone', '1');
  if (f.status !== 'OPEN') p.set('status', f.status ?? 'any');
  return p;
};

/**
 * The composer for a task's contact, kept current: a bounce or an unsubscribe that arrives while
 * it is open blocks sending there and then, with the reason.
 */
function TaskEmailComposer({ task, onClose, onSent }: { task: TaskDto; onClose: () => void; onSent: (email: EmailDto) => void }) {
  const live = useContact(task.contact.id).data;
  const c = live ?? task.contact;
  return (
    <EmailComposer
      contact={{ id: c.id, name: c.name || c.email || 'Contact', email: c.email, doNotEmail: c.doNotEmail, doNotEmailReason: c.doNotEmailReason }}
      task={{ id: task.id, title: task.title }}
      onClose={onClose}
      onSent={onSent}
    />
  );
}

export function TasksRoute() {
  const me = useOutletContext<MeDto>();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => filterFrom(params), [params]);
  const teammates = useTeammates();
  const [composing, setComposing] = useState<TaskDto | null>(null);
  const [sent, setSent] = useState<EmailDto | null>(null);
  const contactHref = useCallback((id: string) => `/contacts/${id}`, []);
  const onOpenContact = useCallback((id: string) => void navigate(`/contacts/${id}`), [navigate]);

  return (
    <div className="page">
      <PageHeader title="Tasks" description="Follow-ups for your leads. Sending an email from a task completes it." />
      {sent ? <EmailSentNotice email={sent} suffix="; the task is done" /> : null}
      <TasksPane
        filter={filter}
        onFilterChange={(next) => setParams(paramsFrom(next), { replace: true })}
        teammates={teammates}
        meId={me.user.id}
        contactHref={contactHref}
        onOpenContact={onOpenContact}
        onDraftEmail={setComposing}
      />
      {composing ? (
        <TaskEmailComposer
          task={composing}
          onClose={() => setComposing(null)}
          onSent={(email) => {
            setComposing(null);
            setSent(email);
          }}
        />
      ) : null}
    </div>
  );
}
