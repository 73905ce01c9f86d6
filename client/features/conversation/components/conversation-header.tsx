import { useEffect, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { ConversationDto } from '../../../../src/contracts/conversation.ts';
import { Avatar } from '../../../components/avatar.tsx';
import { CheckIcon, HandIcon, RefreshIcon, SparkIcon } from '../../../components/icons.tsx';
import { OwnerBadge } from '../../../components/owner-badge.tsx';
import { Spinner } from '../../../components/states.tsx';
import { displayName } from '../../../lib/format.ts';
import { isTypingTarget } from '../../../lib/is-typing-target.ts';
import type { RouterOutputs } from '../../../lib/trpc.ts';
import type { Ownership } from '../api/ownership.ts';
import type { Viewer } from '../api/use-presence.ts';
import { OwnerMenu, type Teammate } from './owner-menu.tsx';
import { PresenceAvatars } from './presence.tsx';

type Channel = RouterOutputs['conversation']['get']['channel'];

export type OwnerActions = {
  busy: boolean;
  takeOver: () => void;
  handBack: () => void;
  release: () => void;
  assign: (userId: string) => void;
};

/** A single-key shortcut on the window, ignored while typing or with a modifier held. */
const useKey = (key: string, enabled: boolean, run: () => void) => {
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key.toLowerCase() !== key || e.metaKey || e.ctrlKey || e.altKey || e.defaultPrevented || isTypingTarget(e.target)) return;
      e.preventDefault();
      run();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [key, enabled, run]);
};

export function ConversationHeader({
  conversation,
  channel,
  ownerLabel,
  ownership,
  actions,
  teammates,
  meId,
  viewers,
  pending,
  onToggleStatus,
  extraActions,
}: {
  conversation: ConversationDto;
  channel: Channel;
  ownerLabel: string;
  ownership: Ownership;
  actions: OwnerActions;
  teammates: Teammate[];
  meId: string;
  viewers: Viewer[];
  pending: boolean;
  onToggleStatus: () => void;
  /** Actions other features add (e.g. "Create ticket"), composed by the route. */
  extraActions?: ReactNode;
}) {
  const name = displayName(conversation.contact);
  const open = conversation.status === 'OPEN';
  // "E" resolves (or reopens), "T" takes over, as in most inboxes; never while typing.
  useKey('e', !pending, onToggleStatus);
  useKey('t', ownership.canTakeOver && !actions.busy, actions.takeOver);
  const handBackButton = ownership.kind === 'mine' && ownership.canHandBack;

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
          <span className="conv-header-owner" data-testid="conversation-owner">
            <span className="conv-header-owner-label">Owner</span>
            <OwnerBadge owner={conversation.owner} label={ownerLabel} />
          </span>
          <span className="conv-header-channel" title={`${channel.provider === 'TWILIO' ? 'Twilio' : 'WhatsApp Cloud API'} · ${channel.phoneNumber}`}>
            <span className="channel-dot" aria-hidden="true" />
            <span className="cell-truncate">{channel.name}</span>
          </span>
          {conversation.contact.name.trim() ? <span className="mono conv-header-phone">{conversation.contact.phone}</span> : null}
          {/* WhatsApp contacts are the CRM's contacts: their page has the timeline, tasks and emails. */}
          <Link to={`/contacts/${conversation.contact.id}`} className="conv-header-contact" title="Timeline, tasks and emails">
            Contact
          </Link>
        </div>
      </div>
      <PresenceAvatars viewers={viewers} />
      <div className="conv-header-actions">
        {ownership.canTakeOver ? (
          <button
            type="button"
            className="btn btn-primary btn-sm"
            onClick={actions.takeOver}
            disabled={actions.busy}
            aria-keyshortcuts="T"
            title={conversation.owner === 'AI' ? 'Stop the AI and answer yourself (T)' : 'Take it from the queue (T)'}
          >
            {actions.busy ? <Spinner /> : <HandIcon />}
            Take over
            <kbd className="kbd kbd-inline kbd-on-primary" aria-hidden="true">
              T
            </kbd>
          </button>
        ) : null}
        {handBackButton ? (
          <button
            type="button"
            className="btn btn-secondary btn-sm"
            onClick={ownership.handBackBlocked ? undefined : actions.handBack}
            aria-disabled={ownership.handBackBlocked || actions.busy ? true : undefined}
            title={ownership.handBackBlocked ?? 'The AI agent answers again'}
          >
            <SparkIcon /> Hand back to AI
          </button>
        ) : null}
        <OwnerMenu
          teammates={teammates}
          meId={meId}
          currentAssigneeId={conversation.owner === 'HUMAN' ? conversation.assigneeId : null}
          handBack={ownership.canHandBack && !handBackButton ? { blocked: ownership.handBackBlocked } : null}
          canRelease={ownership.canRelease}
          canAssign={ownership.canAssign}
          busy={actions.busy}
          onHandBack={actions.handBack}
          onRelease={actions.release}
          onAssign={actions.assign}
        />
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
        {extraActions}
      </div>
    </header>
  );
}
