import type { TenantEvent } from '../../../../src/contracts/events.ts';
import { ROLE_LABELS } from '../../../lib/format.ts';

export type ActivityKind = 'joined' | 'invited' | 'revoked' | 'role' | 'deactivated' | 'profile';

/** A sentence split into plain text and emphasised names. */
export type Sentence = Array<{ text: string; strong?: true }>;

export type ActivityEntry = { seq: number; at: string; kind: ActivityKind; sentence: Sentence };

/** How the feed names people, resolved when the event arrives (names can change later). */
export type Names = {
  meId: string | null;
  nameOf: (userId: string) => string | null;
  inviteEmailOf: (inviteId: string) => string | null;
};

const s = (text: string): Sentence[number] => ({ text });
const b = (text: string): Sentence[number] => ({ text, strong: true });

/** The feed's line for a team event; null for events the feed does not show (conversations, channels). */
export const describeEvent = (event: TenantEvent, names: Names): ActivityEntry | null => {
  const actor = (fallback: string) => {
    if (!event.actorId) return b(fallback);
    if (event.actorId === names.meId) return b('You');
    return b(names.nameOf(event.actorId) ?? fallback);
  };
  const subject = (member: { id: string; name: string }, possessive = false) =>
    member.id === names.meId ? s(possessive ? 'your' : 'you') : b(possessive ? `${member.name}’s` : member.name);
  const base = { seq: event.seq, at: event.createdAt };

  switch (event.type) {
    case 'member.joined': {
      const { member, inviteId } = event.payload;
      const who = member.id === names.meId ? b('You') : b(member.name);
      return { ...base, kind: 'joined', sentence: [who, s(inviteId ? ' joined the workspace' : ' created the workspace')] };
    }
    case 'member.invited': {
      const { invite } = event.payload;
      const who = event.actorId === names.meId ? b('You') : b(invite.invitedByName);
      return { ...base, kind: 'invited', sentence: [who, s(' invited '), b(invite.email), s(` as ${ROLE_LABELS[invite.role].toLowerCase()}`)] };
    }
    case 'member.invite_revoked': {
      const email = names.inviteEmailOf(event.payload.inviteId);
      return {
        ...base,
        kind: 'revoked',
        sentence: email ? [actor('An admin'), s(' revoked the invite for '), b(email)] : [actor('An admin'), s(' revoked an invite')],
      };
    }
    case 'member.role_changed': {
      const { member, previousRole } = event.payload;
      return {
        ...base,
        kind: 'role',
        sentence: [
          actor('An admin'),
          s(' changed '),
          subject(member, true),
          s(` role from ${ROLE_LABELS[previousRole].toLowerCase()} to `),
          b(ROLE_LABELS[member.role].toLowerCase()),
        ],
      };
    }
    case 'member.deactivated': {
      const { member } = event.payload;
      return { ...base, kind: 'deactivated', sentence: [actor('An admin'), s(' deactivated '), subject(member)] };
    }
    case 'member.profile_updated': {
      const { member } = event.payload;
      const who = member.id === names.meId ? b('You') : b(member.name);
      return { ...base, kind: 'profile', sentence: [who, s(member.id === names.meId ? ' updated your profile' : ' updated their profile')] };
    }
    default:
      return null;
  }
};
