import { useCallback, useState } from 'react';
import { Link, useNavigate, useOutletContext, useParams } from 'react-router';
import type { MeDto } from '../../../src/contracts/dto.ts';
import type { EmailDto } from '../../../src/contracts/email.ts';
import type { TaskDto } from '../../../src/contracts/task.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { ArrowLeftIcon, ContactsIcon, MailIcon, PencilIcon, TrashIcon } from '../../components/icons.tsx';
import { Modal } from '../../components/modal.tsx';
import { Panel } from '../../components/panel.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../components/states.tsx';
import { contactLabel } from '../../features/contact/api/contact-labels.ts';
import { useContact } from '../../features/contact/api/use-contact.ts';
import { useDeleteContact } from '../../features/contact/api/use-contact-mutations.ts';
import { ContactDetails } from '../../features/contact/components/contact-details.tsx';
import { ContactForm } from '../../features/contact/components/contact-form.tsx';
import { ContactHeader } from '../../features/contact/components/contact-header.tsx';
import { ContactTimeline } from '../../features/contact/components/contact-timeline.tsx';
import { EmailCard } from '../../features/email/components/email-card.tsx';
import { EmailSentNotice } from '../../features/email/components/email-sent-notice.tsx';
import { EmailComposer, preloadEmailEditor } from '../../features/email/components/email-composer.tsx';
import { TaskList } from '../../features/task/components/task-list.tsx';
import { toUserMessage } from '../../lib/errors.ts';
import { useTeammates } from './use-teammates.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function NotFound() {
  return (
    <div className="page">
      <EmptyState title="Contact not found" icon={<ContactsIcon />}>
        It may have been deleted. <Link to="/contacts">Back to contacts</Link>
      </EmptyState>
    </div>
  );
}

export function ContactRoute() {
  const { contactId = '' } = useParams();
  if (!UUID.test(contactId)) return <NotFound />;
  return <ContactPage key={contactId} contactId={contactId} />;
}

function ContactPage({ contactId }: { contactId: string }) {
  const me = useOutletContext<MeDto>();
  const navigate = useNavigate();
  const contact = useContact(contactId);
  const teammates = useTeammates();
  const remove = useDeleteContact();
  const [composing, setComposing] = useState<{ task: { id: string; title: string } | null } | null>(null);
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [sent, setSent] = useState<EmailDto | null>(null);
  const onDraftEmail = useCallback((task: TaskDto) => setComposing({ task: { id: task.id, title: task.title } }), []);
  const renderEmail = useCallback((email: Parameters<typeof EmailCard>[0]['email'], now: number) => <EmailCard email={email} now={now} />, []);

  if (contact.isPending) return <LoadingState label="Opening contact…" />;
  if (contact.isError) {
    if (contact.error.data?.code === 'NOT_FOUND') return <NotFound />;
    return <ErrorState message={toUserMessage(contact.error)} onRetry={() => void contact.refetch()} />;
  }
  const c = contact.data;
  const name = contactLabel(c);
  const canDelete = me.user.role !== 'AGENT';

  return (
    <div className="page page-wide contact-page">
      <Link to="/contacts" className="back-link">
        <ArrowLeftIcon /> Contacts
      </Link>
      <ContactHeader
        contact={c}
        meId={me.user.id}
        actions={
          <>
            <button
              type="button"
              className="btn btn-primary btn-sm"
              onMouseEnter={preloadEmailEditor}
              onFocus={preloadEmailEditor}
              onClick={() => setComposing({ task: null })}
              disabled={c.doNotEmail || !c.email}
              title={c.doNotEmail ? `Do not email${c.doNotEmailReason ? `: ${c.doNotEmailReason}` : ''}` : !c.email ? 'No email address' : 'Draft an email with AI'}
            >
              <MailIcon /> Draft email
            </button>
            <button type="button" className="btn btn-secondary btn-sm" onClick={() => setEditing(true)}>
              <PencilIcon /> Edit
            </button>
            {canDelete ? (
              <button type="button" className="btn btn-ghost btn-sm btn-ghost-danger" aria-label={`Delete ${name}`} onClick={() => setDeleting(true)}>
                <TrashIcon />
              </button>
            ) : null}
          </>
        }
      />
      {sent ? <EmailSentNotice email={sent} /> : null}
      <div className="contact-grid">
        <Panel title="Timeline" description="Newest first · live" className="contact-timeline-panel">
          <ContactTimeline contactId={contactId} renderEmail={renderEmail} />
        </Panel>
        <div className="contact-side">
          <Panel title="Open tasks" flush>
            <TaskList
              query={{ view: 'all', assignee: 'anyone', status: 'OPEN', contactId }}
              teammates={teammates}
              meId={me.user.id}
              showContact={false}
              keyboard={false}
              empty={{ title: 'No open tasks', body: 'Follow-ups for this contact show here.' }}
              contactHref={(id) => `/contacts/${id}`}
              onOpenContact={() => undefined}
              onDraftEmail={c.doNotEmail || !c.email ? null : onDraftEmail}
            />
          </Panel>
          <Panel title="Details">
            <ContactDetails contact={c} />
          </Panel>
        </div>
      </div>
      {composing ? (
        <EmailComposer
          contact={{ id: c.id, name, email: c.email, doNotEmail: c.doNotEmail, doNotEmailReason: c.doNotEmailReason }}
          task={composing.task}
          onClose={() => setComposing(null)}
          onSent={(email) => {
            setComposing(null);
            setSent(email);
          }}
        />
      ) : null}
      {editing ? (
        <Modal title={`Edit ${name}`} onClose={() => setEditing(false)} wide>
          {(titleId) => <ContactForm contact={c} teammates={teammates} meId={me.user.id} labelledBy={titleId} onDone={() => setEditing(false)} />}
        </Modal>
      ) : null}
      <ConfirmDialog
        open={deleting}
        title={`Delete ${name}?`}
        confirmLabel="Delete contact"
        pending={remove.isPending}
        error={remove.error ? toUserMessage(remove.error) : null}
        onCancel={() => setDeleting(false)}
        onConfirm={() => remove.mutate({ contactId }, { onSuccess: () => void navigate('/contacts', { replace: true }) })}
      >
        Its tasks, emails and history are deleted too. WhatsApp conversations stay in the inbox.
      </ConfirmDialog>
    </div>
  );
}
