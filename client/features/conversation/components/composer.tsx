import { useLayoutEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { ConversationDto } from '../../../../src/contracts/conversation.ts';
import { messagingWindow } from '../../../../src/domain/messaging-window.ts';
import { ClockIcon, SendIcon } from '../../../components/icons.tsx';
import { formatDateTime, formatDuration } from '../../../lib/format.ts';
import { useNow } from '../../../lib/use-now.ts';
import { TemplatePicker } from './template-picker.tsx';

/** Unsent drafts per conversation, so switching conversations never loses half a reply. */
const drafts = new Map<string, string>();

const MAX_HEIGHT = 200;
const SOON_MS = 60 * 60_000;

function WindowChip({ closesAt, remainingMs }: { closesAt: Date; remainingMs: number }) {
  return (
    <span
      className={remainingMs < SOON_MS ? 'window-chip window-chip-soon' : 'window-chip'}
      data-testid="window-remaining"
      title={`Free-form replies are possible until ${formatDateTime(closesAt.toISOString())}; after that, only approved templates.`}
    >
      <ClockIcon />
      Window closes in {formatDuration(remainingMs)}
    </span>
  );
}

export type ComposerProps = {
  conversation: ConversationDto;
  contactName: string;
  onSend: (body: string) => void;
  /** Where admins add templates; null for everyone else. */
  templatesHref: string | null;
};

/**
 * The reply box. Inside WhatsApp's 24-hour window it sends free text (Enter sends, Shift+Enter
 * starts a new line); outside it, it turns into the template picker.
 */
export function Composer({ conversation, contactName, onSend, templatesHref }: ComposerProps) {
  const now = useNow(60_000);
  const win = messagingWindow(conversation.lastInboundAt ? new Date(conversation.lastInboundAt) : null, new Date(now));
  const [text, setText] = useState(() => drafts.get(conversation.id) ?? '');
  const ref = useRef<HTMLTextAreaElement>(null);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.style.height = 'auto';
    el.style.height = `${Math.min(el.scrollHeight, MAX_HEIGHT)}px`;
  }, [text, win.open]);

  const update = (value: string) => {
    setText(value);
    if (value) drafts.set(conversation.id, value);
    else drafts.delete(conversation.id);
  };

  const submit = () => {
    const body = text.trim();
    if (!body) return;
    onSend(body);
    update('');
    ref.current?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    // Enter while an IME is composing picks a candidate; it must not send.
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      submit();
    }
  };

  if (!win.open) {
    return (
      <div className="composer">
        <TemplatePicker
          conversationId={conversation.id}
          channelId={conversation.channelId}
          contactName={contactName}
          closedAt={win.closedAt}
          templatesHref={templatesHref}
        />
      </div>
    );
  }

  return (
    <div className="composer">
      <form
        className="composer-box"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          submit();
        }}
      >
        <label htmlFor={`composer-${conversation.id}`} className="sr-only">
          Reply to {contactName}
        </label>
        <textarea
          ref={ref}
          id={`composer-${conversation.id}`}
          className="composer-input"
          rows={1}
          placeholder={`Reply to ${contactName} on WhatsApp…`}
          value={text}
          onChange={(e) => update(e.target.value)}
          onKeyDown={onKeyDown}
          maxLength={4096}
        />
        <div className="composer-bar">
          <WindowChip closesAt={win.closesAt} remainingMs={win.remainingMs} />
          <span className="composer-hint" aria-hidden="true">
            <kbd className="kbd">Enter</kbd> send · <kbd className="kbd">Shift</kbd> + <kbd className="kbd">Enter</kbd> new line
          </span>
          <button type="submit" className="btn btn-primary btn-sm" disabled={!text.trim()}>
            <SendIcon /> Send
          </button>
        </div>
      </form>
    </div>
  );
}
