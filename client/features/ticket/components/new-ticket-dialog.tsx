import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { TICKET_PRIORITIES, ZCreateTicketInput, type TicketPriority } from '../../../../src/contracts/ticket.ts';
import { SelectField, TextAreaField, TextField } from '../../../components/field.tsx';
import { Alert, Spinner } from '../../../components/states.tsx';
import { fieldErrorsOf, toUserMessage } from '../../../lib/errors.ts';
import { useFocusFirstInvalid } from '../../../lib/use-focus-first-invalid.ts';
import { validate } from '../../../lib/validate.ts';
import { PRIORITY_LABELS } from '../api/ticket-format.ts';
import { useCreateTicket, useCreateTicketFromConversation } from '../api/use-create-ticket.ts';
import type { Teammate } from './ticket-toolbar.tsx';

export type TicketSource = { conversationId: string; contactName: string };

const splitTags = (text: string) =>
  text
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);

/**
 * "New ticket", as a modal on the native <dialog> (focus trapped, Escape cancels). From a
 * conversation it links the two and the server adds the transcript, so there is no description
 * to write. Opens the new ticket when it is created.
 */
export function NewTicketDialog({
  open,
  onClose,
  teammates,
  meId,
  source,
}: {
  open: boolean;
  onClose: () => void;
  teammates: Teammate[];
  meId: string;
  source?: TicketSource | undefined;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const titleId = useId();
  const navigate = useNavigate();
  const create = useCreateTicket();
  const fromConversation = useCreateTicketFromConversation();
  const mutation = source ? fromConversation : create;
  const defaultSubject = source ? `WhatsApp: ${source.contactName}` : '';
  const [values, setValues] = useState({ subject: defaultSubject, description: '', priority: 'NORMAL' as TicketPriority, assigneeId: '', tags: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [attempt, setAttempt] = useState(0);
  useFocusFirstInvalid(formRef, attempt);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      setValues({ subject: defaultSubject, description: '', priority: 'NORMAL', assigneeId: '', tags: '' });
      setErrors({});
      create.reset();
      fromConversation.reset();
      dialog.showModal();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);

  const set = (field: keyof typeof values) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: e.target.value }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const input = {
      subject: values.subject,
      description: values.description,
      priority: values.priority,
      assigneeId: values.assigneeId || null,
      tags: splitTags(values.tags),
    };
    const found = validate(ZCreateTicketInput, input, { required: 'Give the ticket a subject' });
    setErrors(found);
    setAttempt((n) => n + 1);
    if (Object.keys(found).length) return;
    const done = {
      onSuccess: (ticket: { id: string }) => {
        onClose();
        void navigate(`/tickets/${ticket.id}`);
      },
      onError: (err: unknown) => {
        setErrors(fieldErrorsOf(err));
        setAttempt((n) => n + 1);
      },
    };
    if (source) {
      const { description: _unused, ...rest } = input;
      fromConversation.mutate({ ...rest, conversationId: source.conversationId }, done);
    } else {
      create.mutate(input, done);
    }
  };

  const people = [...teammates].sort((a, b) => (a.id === meId ? -1 : b.id === meId ? 1 : a.name.localeCompare(b.name)));
  return (
    <dialog
      ref={ref}
      className="dialog ticket-dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        if (!mutation.isPending) onClose();
      }}
    >
      <form ref={formRef} className="form" aria-label="New ticket" noValidate onSubmit={submit}>
        <h2 className="dialog-title" id={titleId}>
          {source ? `New ticket from ${source.contactName}` : 'New ticket'}
        </h2>
        <TextField label="Subject" value={values.subject} onChange={set('subject')} error={errors.subject} maxLength={200} autoFocus />
        {source ? (
          <div className="field-hint">The conversation’s transcript becomes the description, and the ticket links back to it.</div>
        ) : (
          <TextAreaField label="Description" rows={5} value={values.description} onChange={set('description')} error={errors.description} />
        )}
        <div className="form-row">
          <SelectField label="Priority" value={values.priority} onChange={set('priority')} error={errors.priority}>
            {[...TICKET_PRIORITIES].reverse().map((p) => (
              <option key={p} value={p}>
                {PRIORITY_LABELS[p]}
              </option>
            ))}
          </SelectField>
          <SelectField label="Assignee" value={values.assigneeId} onChange={set('assigneeId')} error={errors.assigneeId}>
            <option value="">Unassigned</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.id === meId ? `${p.name} (you)` : p.name}
              </option>
            ))}
          </SelectField>
        </div>
        <TextField label="Tags" value={values.tags} onChange={set('tags')} error={errors.tags} hint="Separate with commas, e.g. billing, vip" />
        {mutation.isError && Object.keys(fieldErrorsOf(mutation.error)).length === 0 ? <Alert tone="error">{toUserMessage(mutation.error)}</Alert> : null}
        <div className="dialog-actions">
          <button type="button" className="btn btn-secondary" onClick={onClose} disabled={mutation.isPending}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={mutation.isPending}>
            {mutation.isPending ? <Spinner /> : null}
            Create ticket
          </button>
        </div>
      </form>
    </dialog>
  );
}
