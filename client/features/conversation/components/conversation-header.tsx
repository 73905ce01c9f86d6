import { useEffect } from 'react';
import type { ConversationDto } from '../../../../src/contracts/conversation.ts';
import { Avatar } from '../../../components/avatar.tsx';
import { CheckIcon, RefreshIcon, UserIcon } from '../../../components/icons.tsx';
import { Spinner } from '../../../components/states.tsx';
import { displayName } from '../../../lib/format.ts';
import { isTypingTarget } from '../../../lib/is-typing-target.ts';
import type { RouterOutputs } from '../../../lib/trpc.ts';

type Channel = RouterOutputs['conversation']['get']['channel'];

export function ConversationHeader({
  conversation,
  channel,
  ownerLabel,
  pending,
  onToggleStatus,
}: {
  conversation: ConversationDto;
  channel: Channel;
  ownerLabel: string;
  pending: boolean;
  onToggleStatus: () => void;
}) {
  const name = displayName(conversation.contact);
  const open = conversation.status === 'OPEN';

  // "E" resolves (or reopens) the open conversation, as in most inboxes; never while typing.
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key.toLowerCase() !== 'e' || e.metaKey || e.ctrlKey || e.altKey || e.defaultPrevented || isTypingTarget(e.target)) return;
      e.preventDefault();
      if (!pending) onToggleStatus();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [pending, onToggleStatus]);

  return (
    <header className="conv-header">
      <Avatar name={name} seed={conversation.contact.id} size="row" />
      <div className="conv-header-main">
        <h2 className="conv-header-name">
          <span className="cell-truncate">{name}</span>
          <span className={open ? 'pill pill-open' : 'pill pill-resolved'} data-testid="conversation-status">
            {open ? 'Open' : 'Resolved'}
          </span>
        </h2>
        <div className="conv-header-meta">
          {conversation.contact.name.trim() ? <span className="mono">{conversation.contact.phone}</span> : null}
          <span className="conv-header-channel" title={`${channel.provider === 'TWILIO' ? 'Twilio' : 'WhatsApp Cloud API'} · ${channel.phoneNumber}`}>
            <span className="channel-dot" aria-hidden="true" />
            {channel.name}
          </span>
          <span className="conv-header-owner" title="Who answers this conversation">
            <UserIcon />
            {ownerLabel}
          </span>
        </div>
      </div>
      <div className="conv-header-actions">
        <button
          type="button"
          className="btn btn-secondary btn-sm"
          onClick={onToggleStatus}
          disabled={pending}
          aria-keyshortcuts="E"
          title={open ? 'Resolve (E)' : 'Reopen (E)'}
        >
          {pending ? <Spinner /> : open ? <CheckIcon /> : <RefreshIcon />}
          {open ? 'Resolve' : 'Reopen'}
          <kbd className="kbd kbd-inline" aria-hidden="true">
            E
          </kbd>
        </button>
      </div>
    </header>
  );
}
