import { useEffect, useLayoutEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { ConversationDto } from '../../../../src/contracts/conversation.ts';
import { messagingWindow } from '../../../../src/domain/messaging-window.ts';
import { ClockIcon, NoteIcon, QueueIcon, SendIcon } from '../../../components/icons.tsx';
import { Alert, Spinner } from '../../../components/states.tsx';
import { toUserMessage } from '../../../lib/errors.ts';
import { formatDateTime, formatDuration } from '../../../lib/format.ts';
import { useNow } from '../../../lib/use-now.ts';
import type { Ownership } from '../api/ownership.ts';
import { useAddNote } from '../api/use-add-note.ts';
import { useAiDrafts } from '../api/use-ai-drafts.ts';
import { useDiscardDraft } from '../api/use-discard-draft.ts';
import { useSuggestReply } from '../api/use-suggest-reply.ts';
import { ComposerLock } from './composer-lock.tsx';
import { ComposerTop, type ComposerMode, type SuggestState } from './composer-top.tsx';
import { DraftCard } from './draft-card.tsx';
import { TemplatePicker } from './template-picker.tsx';

/** Unsent text per conversation and mode, so switching conversations never loses half a reply. */
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
  ownership: Ownership;
  ownerName: string;
  ai: { online: boolean; hasPersona: boolean };
  /** An ownership change is on its way. */
  busy: boolean;
  onTakeOver: () => void;
  onAssignToMe: (() => void) | null;
  onSend: (body: string) => void;
  onTyping: (kind: ComposerMode | null) => void;
  /** Where admins add templates; null for everyone else. */
  templatesHref: string | null;
};

/**
 * The reply box, with a Note tab for internal notes. Only the owner replies (replying to a queued
 * conversation claims it); inside WhatsApp's 24-hour window it sends free text (Enter sends,
 * Shift+Enter starts a new line), outside it turns into the template picker. The owner can have
 * the AI suggest a reply, streamed straight into the box.
 */
export function Composer(props: ComposerProps) {
  const { conversation, contactName, ownership, ai, onTyping } = props;
  const now = useNow(60_000);
  const win = messagingWindow(conversation.lastInboundAt ? new Date(conversation.lastInboundAt) : null, new Date(now));
  const [mode, setMode] = useState<ComposerMode>('reply');
  const key = `${conversation.id}:${mode}`;
  const [text, setText] = useState(() => drafts.get(key) ?? '');
  const ref = useRef<HTMLTextAreaElement>(null);
  const note = useAddNote();
  const suggest = useSuggestReply(conversation.id);
  const [suggestError, setSuggestError] = useState<string | null>(null);
  const mine = ownership.kind === 'mine';
  const aiDrafts = useAiDrafts(conversation.id, { enabled: mine });
  const discard = useDiscardDraft(conversation.id);
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());

  const locked = mode === 'reply' && !ownership.canSend;
  const templatesOnly = mode === 'reply' && !locked && !win.open;

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.style.height = 'auto';
    el.style.height = `${Math.min(el.scrollHeight, MAX_HEIGHT)}px`;
  }, [text, win.open, mode, locked]);

  const write = (k: string, value: string) => {
    if (value) drafts.set(k, value);
    else drafts.delete(k);
    return value;
  };
  const update = (value: string) => setText(write(key, value));

  const switchMode = (next: ComposerMode) => {
    if (suggest.streaming) suggest.stop();
    setMode(next);
    setText(drafts.get(`${conversation.id}:${next}`) ?? '');
    requestAnimationFrame(() => ref.current?.focus());
  };

  const startSuggest = () => {
    if (suggest.streaming) return;
    setSuggestError(null);
    const previous = text;
    update('');
    ref.current?.focus();
    suggest.start({
      onToken: (token) => setText((current) => write(key, current + token)),
      onDone: ({ draftId, body }) => {
        update(body);
        // It is in the box now: the stored draft is used, not another card.
        setHidden((ids) => new Set(ids).add(draftId));
        discard.mutate({ draftId, used: true });
      },
      onError: (message) => {
        setSuggestError(message);
        setText((current) => write(key, current || previous));
      },
    });
  };

  const suggestState: SuggestState =
    mode !== 'reply' || !mine || templatesOnly
      ? { kind: 'hidden' }
      : !ai.online
        ? { kind: 'offline' }
        : !ai.hasPersona
          ? { kind: 'unavailable', reason: 'No active AI agent answers this channel. Add one in Settings → AI agents.' }
          : suggest.streaming
            ? { kind: 'streaming', onStop: suggest.stop }
            : { kind: 'ready', onStart: startSuggest };

  // Alt+R / Alt+N switch between reply and note, Alt+S asks for a suggestion; they work while typing too.
  const shortcuts = useRef({ switchMode, suggestState });
  shortcuts.current = { switchMode, suggestState };
  useEffect(() => {
    const onKeyDown = (e: globalThis.KeyboardEvent) => {
      if (!e.altKey || e.metaKey || e.ctrlKey || e.defaultPrevented) return;
      const { switchMode: go, suggestState: s } = shortcuts.current;
      if (e.code === 'KeyR') go('reply');
      else if (e.code === 'KeyN') go('note');
      else if (e.code === 'KeyS' && s.kind === 'ready') s.onStart();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  const submit = () => {
    const body = text.trim();
    if (!body || suggest.streaming) return;
    onTyping(null);
    if (mode === 'note') {
      note.mutate({ conversationId: conversation.id, body }, { onSuccess: () => update('') });
    } else {
      props.onSend(body);
      update('');
    }
    ref.current?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Escape' && suggest.streaming) {
      e.preventDefault();
      suggest.stop();
    }
    // Enter while an IME is composing picks a candidate; it must not send.
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      submit();
    }
  };

  const draft = mine && mode === 'reply' && !suggest.streaming ? aiDrafts.data?.find((d) => !hidden.has(d.id)) : undefined;

  return (
    <div className="composer">
      {draft ? (
        <DraftCard
          draft={draft}
          onUse={() => {
            update(draft.body);
            setHidden((ids) => new Set(ids).add(draft.id));
            discard.mutate({ draftId: draft.id, used: true });
            ref.current?.focus();
          }}
          onDiscard={() => discard.mutate({ draftId: draft.id, used: false })}
        />
      ) : null}
      <ComposerTop mode={mode} onMode={switchMode} suggest={suggestState} />
      {locked ? (
        <ComposerLock ownership={ownership} ownerName={props.ownerName} busy={props.busy} onTakeOver={props.onTakeOver} onAssignToMe={props.onAssignToMe} />
      ) : templatesOnly ? (
        <TemplatePicker
          conversationId={conversation.id}
          channelId={conversation.channelId}
          contactName={contactName}
          closedAt={win.closedAt}
          templatesHref={props.templatesHref}
        />
      ) : (
        <form
          className={mode === 'note' ? 'composer-box composer-box-note' : suggest.streaming ? 'composer-box composer-box-streaming' : 'composer-box'}
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            submit();
          }}
          data-streaming={suggest.streaming || undefined}
        >
          <label htmlFor={`composer-${conversation.id}`} className="sr-only">
            {mode === 'note' ? 'Internal note' : `Reply to ${contactName}`}
          </label>
          <textarea
            ref={ref}
            id={`composer-${conversation.id}`}
            className="composer-input"
            rows={1}
            placeholder={
              mode === 'note' ? 'Write an internal note — only your team sees it…' : suggest.streaming ? 'The AI is writing…' : `Reply to ${contactName} on WhatsApp…`
            }
            value={text}
            readOnly={suggest.streaming}
            aria-busy={suggest.streaming || undefined}
            onChange={(e) => {
              update(e.target.value);
              onTyping(e.target.value ? mode : null);
            }}
            onBlur={() => onTyping(null)}
            onKeyDown={onKeyDown}
            maxLength={4096}
          />
          <div className="composer-bar">
            {mode === 'note' ? (
              <span className="composer-note-hint">
                <NoteIcon /> Not sent to {contactName}
              </span>
            ) : win.open ? (
              <WindowChip closesAt={win.closesAt} remainingMs={win.remainingMs} />
            ) : null}
            {mode === 'reply' && ownership.kind === 'queue' ? (
              <span className="composer-claim" data-testid="composer-claim">
                <QueueIcon /> Sending assigns it to you
              </span>
            ) : (
              <span className="composer-hint" aria-hidden="true">
                <kbd className="kbd">Enter</kbd> {mode === 'note' ? 'add note' : 'send'} · <kbd className="kbd">Shift</kbd> + <kbd className="kbd">Enter</kbd> new line
              </span>
            )}
            <button type="submit" className="btn btn-primary btn-sm" disabled={!text.trim() || suggest.streaming || note.isPending}>
              {note.isPending ? <Spinner /> : mode === 'note' ? <NoteIcon /> : <SendIcon />} {mode === 'note' ? 'Add note' : 'Send'}
            </button>
          </div>
        </form>
      )}
      {suggestError ? <Alert tone="warning">{suggestError}</Alert> : null}
      {mode === 'note' && note.error ? <Alert tone="error">{toUserMessage(note.error)}</Alert> : null}
    </div>
  );
}
