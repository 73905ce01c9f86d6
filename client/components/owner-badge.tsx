import type { ConversationDto } from '../../src/contracts/conversation.ts';
import { QueueIcon, SparkIcon, UserIcon } from './icons.tsx';

export type OwnerKind = ConversationDto['owner'];

/**
 * Who answers a conversation, in one glance: the AI persona (violet), the queue (amber, waiting
 * for a person) or a named agent ("You" stands out). Used by the inbox rows and the header.
 */
export function OwnerBadge({ owner, label, size = 'sm' }: { owner: OwnerKind; label: string; size?: 'sm' | 'md' }) {
  const tone = owner === 'AI' ? 'ai' : owner === 'QUEUE' ? 'queue' : label === 'You' ? 'you' : 'human';
  const Icon = owner === 'AI' ? SparkIcon : owner === 'QUEUE' ? QueueIcon : UserIcon;
  return (
    <span className={`owner-badge owner-badge-${tone} owner-badge-${size}`} data-testid="owner-badge" data-owner={owner} title={`Owner: ${label}`}>
      <Icon className="owner-badge-icon" />
      <span className="owner-badge-label">{label}</span>
    </span>
  );
}
