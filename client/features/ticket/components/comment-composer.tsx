import { useEffect, useLayoutEffect, useRef, useState, type FormEvent } from 'react';
import type { TicketDto } from '../../../../src/contracts/ticket.ts';
import { NoteIcon, SendIcon } from '../../../components/icons.tsx';
import { Alert, Spinner } from '../../../components/states.tsx';
import { toUserMessage } from '../../../lib/errors.ts';
import { useAddComment } from '../api/use-add-comment.ts';

type Mode = 'public' | 'internal';

/** Unsent text per ticket and mode, so leaving a ticket never loses half a reply. */
const drafts = new Map<string, string>();
const MAX_HEIGHT = 240;

/**
 * Public reply or internal note. Ctrl/⌘+Enter sends; Alt+R / Alt+N switch. A retried send
 * carries the same client id, so a lost answer never makes a second comment.
 */
export function CommentComposer({ ticket, onEditing }: { ticket: TicketDto; onEditing: (editing: boolean) => void }) {
  const [mode, setMode] = useState<Mode>('public');
  const key = `${ticket.id}:${mode}`;
  const [text, setText] = useState(() => drafts.get(key) ?? '');
  const ref = useRef<HTMLTextAreaElement>(null);
  const add = useAddComment();
  // One id per comment being written: kept across retries, renewed once it is saved.
  const clientId = useRef<string>(crypto.randomUUID());

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.style.height = 'auto';
    el.style.height = `${Math.min(el.scrollHeight, MAX_HEIGHT)}px`;
  }, [text]);

  const update = (value: string) => {
    if (value) drafts.set(key, value);
    else drafts.delete(key);
    setText(value);
    onEditing(value.length > 0);
  };

  const switchMode = (next: Mode) => {
    setMode(next);
    setText(drafts.get(`${ticket.id}:${next}`) ?? '');
    requestAnimationFrame(() => ref.current?.focus());
  };
  const latest = useRef(switchMode);
  latest.current = switchMode;
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (!e.altKey || e.metaKey || e.ctrlKey || e.defaultPrevented) return;
      if (e.code === 'KeyR') latest.current('public');
      else if (e.code === 'KeyN') latest.current('internal');
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    const body = text.trim();
    if (!body || add.isPending) return;
    add.mutate(
      { ticketId: ticket.id, body, visibility: mode, clientCommentId: clientId.current },
      {
        onSuccess: () => {
          clientId.current = crypto.randomUUID();
          drafts.delete(key);
          setText('');
          onEditing(false);
        },
      },
    );
  };

  const where =
    mode === 'internal'
      ? 'Only your team sees notes.'
      : ticket.conversationId
        ? `Sent to ${ticket.contact?.name || ticket.contact?.phone || 'the customer'} on WhatsApp.`
        : ticket.contact
          ? `Emailed to ${ticket.contact.name || 'the contact'} from your workspace’s sender address.`
          : 'No conversation or contact is linked: the reply is kept on the ticket but not delivered.';
  return (
    <form className={mode === 'internal' ? 'ticket-composer ticket-composer-note' : 'ticket-composer'} onSubmit={submit} aria-label="Add a comment">
      <div className="tabs ticket-composer-tabs" role="tablist" aria-label="Comment type">
        <button type="button" role="tab" className="tab" aria-selected={mode === 'public'} aria-keyshortcuts="Alt+R" onClick={() => switchMode('public')}>
          Public reply
        </button>
        <button type="button" role="tab" className="tab" aria-selected={mode === 'internal'} aria-keyshortcuts="Alt+N" onClick={() => switchMode('internal')}>
          Internal note
        </button>
      </div>
      <textarea
        ref={ref}
        className="input textarea ticket-composer-input"
        aria-label={mode === 'internal' ? 'Internal note' : 'Public reply'}
        placeholder={mode === 'internal' ? 'Write a note for your team…' : 'Write a reply to the customer…'}
        rows={3}
        maxLength={4096}
        value={text}
        onChange={(e) => update(e.target.value)}
        onBlur={() => onEditing(false)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) {
            e.preventDefault();
            submit();
          }
        }}
      />
      {add.isError ? <Alert tone="error">{toUserMessage(add.error)}</Alert> : null}
      <div className="ticket-composer-bar">
        <span className="composer-hint">{where}</span>
        <button type="submit" className="btn btn-primary btn-sm" disabled={!text.trim() || add.isPending}>
          {add.isPending ? <Spinner /> : mode === 'internal' ? <NoteIcon /> : <SendIcon />}
          {mode === 'internal' ? 'Add note' : 'Send reply'}
          <kbd className="kbd kbd-inline kbd-on-primary" aria-hidden="true">
            ⌘↵
          </kbd>
        </button>
      </div>
    </form>
  );
}
