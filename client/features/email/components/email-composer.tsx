import { lazy, Suspense, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { EmailDto } from '../../../../src/contracts/email.ts';
import { BanIcon, SendIcon, XIcon } from '../../../components/icons.tsx';
import { Alert, Spinner } from '../../../components/states.tsx';
import { fieldErrorsOf, toUserMessage } from '../../../lib/errors.ts';
import { useDraftEmail, useEmailDraft } from '../api/use-draft-email.ts';
import { useSendEmail } from '../api/use-send-email.ts';
import { AiDraftBar } from './ai-draft-bar.tsx';

const loadEditor = () => import('./rich-text-editor.tsx');
const RichTextEditor = lazy(() => loadEditor().then((m) => ({ default: m.RichTextEditor })));
/** Warm the editor's chunk (hovering "Draft email") so the dialog opens with it ready. */
export const preloadEmailEditor = () => void loadEditor();

export type ComposerContact = {
  id: string;
  name: string;
  email: string | null;
  doNotEmail: boolean;
  doNotEmailReason?: string | null;
};

export type EmailComposerProps = {
  contact: ComposerContact;
  /** Sending completes this task. */
  task: { id: string; title: string } | null;
  onClose: () => void;
  onSent: (email: EmailDto) => void;
};

type Body = { html: string; text: string };

/**
 * "Draft email": asks the AI for a draft as it opens (the draft arrives live, or the AI says it
 * is offline), then the agent edits subject and body in a rich-text editor and sends. A draft
 * that arrives after the agent started typing is offered, not forced in.
 */
export function EmailComposer({ contact, task, onClose, onSent }: EmailComposerProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const subjectId = useId();
  const bodyLabelId = useId();
  const draft = useDraftEmail();
  const send = useSendEmail();
  const [draftId, setDraftId] = useState<string | null>(null);
  const [aiOffline, setAiOffline] = useState(false);
  const aiDraft = useEmailDraft(draftId);
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState<Body>({ html: '', text: '' });
  const [contentKey, setContentKey] = useState('blank');
  const [initialHtml, setInitialHtml] = useState('');
  // What the last draft put in (or nothing): the agent's own edits are whatever differs from it.
  const [base, setBase] = useState({ subject: '', text: '' });
  const [applied, setApplied] = useState<string | null>(null);
    const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  // "Write a subject" from the last Send goes once there is one (the same for the body).
  const clearClientError = (field: string) =>
    setClientErrors((errs) => {
      if (!(field in errs)) return errs;
      const { [field]: _gone, ...rest } = errs;
      return rest;
    });
  // One id per composed email: a double click or a retried request sends it once.
  const [clientEmailId] = useState(() => crypto.randomUUID());

  const blocked = contact.doNotEmail ? `Do not email${contact.doNotEmailReason ? `: ${contact.doNotEmailReason}` : ''}` : !contact.email ? 'This contact has no email address.' : null;

  const requestDraft = (guidance?: string) => {
    setAiOffline(false);
    draft.mutate(
      { contactId: contact.id, ...(task ? { taskId: task.id } : {}), ...(guidance ? { instructions: guidance } : {}) },
      {
        onSuccess: (result) => {
          if (result.ai === 'offline') setAiOffline(true);
          else setDraftId(result.draft.id);
        },
      },
    );
  };

  // Once, as the dialog opens (StrictMode's second mount must not ask for a second draft).
  const opened = useRef(false);
  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    if (opened.current) return;
    opened.current = true;
    if (!blocked) requestDraft();
  }, []);

  const current = aiDraft.data;
  const ready = current?.status === 'READY' ? current : null;
  const useDraft = () => {
    if (!ready) return;
    setSubject(ready.subject);
    setInitialHtml(ready.html);
    setContentKey(`draft:${ready.id}`);
    setApplied(ready.id);
    setBase({ subject: ready.subject, text: '' });
  };
  const dirty = subject.trim() !== base.subject.trim() || body.text.trim() !== base.text.trim();
  // The draft goes straight into an untouched composer.
  useEffect(() => {
    if (ready && applied !== ready.id && !dirty) useDraft();
  }, [ready?.id, dirty]);

  // Closing (Escape, ×, Cancel) with the agent's own words in it asks first: a stray Escape must
  // not throw away a written email. An untouched AI draft can be asked for again, so it just closes.
  const [confirmingClose, setConfirmingClose] = useState(false);
  const keepWritingRef = useRef<HTMLButtonElement>(null);
  const requestClose = () => {
    if (send.isPending) return;
    if (dirty) setConfirmingClose(true);
    else onClose();
  };
  useEffect(() => {
    if (confirmingClose) keepWritingRef.current?.focus();
  }, [confirmingClose]);

  const drafting = draft.isPending || current?.status === 'PENDING';
  const offered = ready && applied !== ready.id && dirty;

  const errors = { ...fieldErrorsOf(send.error), ...clientErrors };
  const sendError = send.error && Object.keys(fieldErrorsOf(send.error)).length === 0 ? toUserMessage(send.error) : null;

  const submit = () => {
    if (send.isPending || blocked) return;
    const found: Record<string, string> = {};
    if (!subject.trim()) found.subject = 'Write a subject';
    if (!body.text.trim()) found.html = 'Write the email';
    setClientErrors(found);
    if (Object.keys(found).length > 0) return;
    send.mutate(
      {
        contactId: contact.id,
        ...(task ? { taskId: task.id } : {}),
        ...(applied ? { draftId: applied } : {}),
        subject: subject.trim(),
        html: body.html,
        clientEmailId,
      },
      { onSuccess: (email) => onSent(email) },
    );
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    submit();
  };

  return (
    <dialog
      ref={dialogRef}
      className="dialog mail-dialog"
      aria-labelledby={titleId}
      onKeyDown={(e) => {
        // Escape handled here, not only in onCancel: Chrome closes a modal dialog outright on a
        // second Escape with no user activation in between, skipping the cancel event; and the
        // editor (ProseMirror binds Escape) swallows it, so no cancel comes from the body at all.
        if (e.key !== 'Escape') return;
        e.preventDefault();
        // Escape on the question means "no, keep writing".
        if (confirmingClose) setConfirmingClose(false);
        else requestClose();
      }}
      onCancel={(e) => {
        e.preventDefault();
        if (!confirmingClose) requestClose();
      }}
    >
      <form className="mail-compose" onSubmit={onSubmit} noValidate aria-labelledby={titleId}>
        <header className="mail-compose-head">
          <div className="mail-compose-title">
            <h2 className="dialog-title" id={titleId}>
              Email to {contact.name}
            </h2>
            <div className="mail-compose-to">
              To <span className="mono">{contact.email ?? 'no address'}</span>
              {task ? (
                <span className="chip chip-task" title="Sending completes this task">
                  Completes: {task.title}
                </span>
              ) : null}
            </div>
          </div>
          <button type="button" className="btn btn-ghost btn-sm" aria-label="Close" onClick={requestClose} disabled={send.isPending}>
            <XIcon />
          </button>
        </header>

        {blocked ? (
          <div className="mail-blocked" role="alert" data-testid="do-not-email">
            <BanIcon /> <strong>{blocked}</strong>
            {contact.doNotEmail ? <span>Emails to this contact are blocked.</span> : null}
          </div>
        ) : null}

        <AiDraftBar
          state={drafting ? 'drafting' : aiOffline ? 'offline' : draft.isError ? 'request-failed' : current?.status === 'FAILED' ? 'failed' : offered ? 'offered' : ready ? 'ready' : 'idle'}
          requestError={draft.isError ? toUserMessage(draft.error) : null}
          draftError={current?.status === 'FAILED' ? current.error : null}
          canAsk={!blocked}
          onUseDraft={useDraft}
          onRequest={requestDraft}
        />

        <div className="field">
          <label className="field-label" htmlFor={subjectId}>
            Subject
          </label>
          <input
            id={subjectId}
            className="input"
            value={subject}
            autoComplete="off"
            aria-invalid={errors.subject ? true : undefined}
            disabled={Boolean(blocked)}
            onChange={(e) => {
              setSubject(e.target.value);
              if (e.target.value.trim()) clearClientError('subject');
            }}
          />
          {errors.subject ? <div className="field-error">{errors.subject}</div> : null}
        </div>
        <div className="field">
          <span className="field-label" id={bodyLabelId}>
            Message
          </span>
          <Suspense fallback={<div className="rte rte-loading" aria-hidden="true" />}>
            <div className={drafting && !dirty ? 'mail-body mail-body-drafting' : 'mail-body'}>
              <RichTextEditor
                initialHtml={initialHtml}
                contentKey={contentKey}
                labelId={bodyLabelId}
                invalid={Boolean(errors.html)}
                disabled={Boolean(blocked)}
                onSubmit={submit}
                onChange={(html, text, fromUser) => {
                  setBody({ html, text });
                  // Content the editor was given (a draft) is the new baseline.
                  if (!fromUser) setBase((b) => ({ ...b, text }));
                  if (text.trim()) clearClientError('html');
                }}
              />
            </div>
          </Suspense>
          {errors.html ? <div className="field-error">{errors.html}</div> : null}
        </div>

        {sendError ? (
          <Alert tone="error">
            <span data-testid="send-error">{sendError}</span>
          </Alert>
        ) : null}

        {/* Keyed apart: reused in place, "Keep writing" would become the submit button while its
            own click is still being dispatched, and the browser would submit the form. */}
        {confirmingClose ? (
          <div key="discard" className="dialog-actions mail-discard" role="group" aria-label="Discard this email?" data-testid="discard-confirm">
            <span className="mail-discard-text">Discard this email? What you wrote will be lost.</span>
            <button type="button" className="btn btn-danger" onClick={onClose}>
              Discard
            </button>
            <button type="button" ref={keepWritingRef} className="btn btn-secondary" onClick={() => setConfirmingClose(false)}>
              Keep writing
            </button>
          </div>
        ) : (
          <div key="actions" className="dialog-actions">
            <span className="mail-compose-hint">
              <kbd className="kbd">Ctrl</kbd> <kbd className="kbd">Enter</kbd> to send
            </span>
            <button type="button" className="btn btn-secondary" onClick={requestClose} disabled={send.isPending}>
              Cancel
            </button>
            <button type="submit" className="btn btn-primary" disabled={send.isPending || Boolean(blocked)}>
              {send.isPending ? <Spinner /> : <SendIcon />}
              Send
            </button>
          </div>
        )}
      </form>
    </dialog>
  );
}
