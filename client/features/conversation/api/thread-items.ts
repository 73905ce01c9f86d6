import type { MessageDto } from '../../../../src/contracts/conversation.ts';
import { formatDayLabel } from '../../../lib/format.ts';

export type Reaction = { emoji: string; from: 'INBOUND' | 'OUTBOUND' };

export type ThreadItem =
  | {
      kind: 'message';
      key: string;
      message: MessageDto;
      /** First of a run from the same side within a few minutes: shows the sender and the bubble's tail. */
      groupStart: boolean;
      reactions: Reaction[];
      /** The quoted message when it is loaded; 'missing' when it is older than what is loaded. */
      replyTo: MessageDto | 'missing' | null;
    }
  | { kind: 'reaction'; key: string; message: MessageDto; emoji: string }
  | { kind: 'event'; key: string; event: ThreadEvent };

/** A line in the thread that is not a message: who took over, handed back, escalated. */
export type ThreadEvent = {
  id: string;
  at: string;
  text: string;
  tone: 'ai' | 'human' | 'queue';
  /** Set when someone claimed a queued conversation (possibly by replying to it). */
  claimedBy?: string | null;
};

/**
 * A reply to a queued conversation claims it in the same transaction, so the change is logged a
 * moment after the message; it still reads first ("You took over from the queue", then the reply).
 */
const CLAIM_SLACK_MS = 2_000;
const claimMadeBy = (event: ThreadEvent, m: MessageDto) => {
  if (!event.claimedBy || m.direction !== 'OUTBOUND' || m.isNote || m.sender?.id !== event.claimedBy) return false;
  const lag = Date.parse(event.at) - Date.parse(m.createdAt);
  return lag >= 0 && lag < CLAIM_SLACK_MS;
};

/** One calendar day of the thread; its label sticks to the top while its messages scroll by. */
export type ThreadDay = { key: string; label: string; items: ThreadItem[] };

const GROUP_GAP_MS = 5 * 60_000;

const sameSender = (a: MessageDto, b: MessageDto) =>
  a.direction === b.direction && (a.sender?.id ?? null) === (b.sender?.id ?? null) && a.isNote === b.isNote && a.aiAgentId === b.aiAgentId;

/**
 * Turns loaded messages (oldest first) into what the thread shows: days, grouped
 * bubbles, reactions folded onto the message they react to (the latest per side wins, an empty
 * emoji takes it back) and reply-to quotes resolved against loaded messages.
 */
export const buildThreadItems = (messages: readonly MessageDto[], now: number = Date.now(), events: readonly ThreadEvent[] = []): ThreadDay[] => {
  const byProviderId = new Map<string, MessageDto>();
  for (const m of messages) if (m.providerMessageId) byProviderId.set(m.providerMessageId, m);

  // target message id -> side -> emoji, in arrival order so later reactions replace earlier ones.
  const reactions = new Map<string, Map<Reaction['from'], string>>();
  const orphanReactions = new Set<string>();
  for (const m of messages) {
    if (m.content?.kind !== 'reaction') continue;
    const target = byProviderId.get(m.content.targetProviderId);
    if (!target) {
      if (m.content.emoji) orphanReactions.add(m.id);
      continue;
    }
    const sides = reactions.get(target.id) ?? new Map<Reaction['from'], string>();
    if (m.content.emoji) sides.set(m.direction, m.content.emoji);
    else sides.delete(m.direction);
    reactions.set(target.id, sides);
  }

  const days: ThreadDay[] = [];
  let items: ThreadItem[] = [];
  let day: string | null = null;
  let previous: MessageDto | null = null;
  const startDay = (at: string) => {
    const atDay = new Date(at).toDateString();
    if (atDay === day) return;
    items = [];
    days.push({ key: `day-${atDay}`, label: formatDayLabel(at, now), items });
    day = atDay;
    previous = null;
  };
  // Events interleave by time; one at the same instant as a message follows it.
  const pending = [...events].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const flushEventsBefore = (at: number, m?: MessageDto) => {
    while (pending.length && (Date.parse(pending[0]!.at) < at || (m && claimMadeBy(pending[0]!, m)))) {
      const event = pending.shift()!;
      startDay(event.at);
      items.push({ kind: 'event', key: `event-${event.id}`, event });
      previous = null;
    }
  };
  for (const m of messages) {
    flushEventsBefore(Date.parse(m.createdAt), m);
    const isReaction = m.content?.kind === 'reaction';
    // A reaction folded onto its message takes no room of its own, not even a day separator.
    if (isReaction && !orphanReactions.has(m.id)) continue;
    startDay(m.createdAt);
    if (m.content?.kind === 'reaction') {
      items.push({ kind: 'reaction', key: m.id, message: m, emoji: m.content.emoji });
      previous = null;
      continue;
    }
    const groupStart = !previous || !sameSender(previous, m) || Date.parse(m.createdAt) - Date.parse(previous.createdAt) > GROUP_GAP_MS;
    const sides = reactions.get(m.id);
    items.push({
      kind: 'message',
      key: m.id,
      message: m,
      groupStart,
      reactions: sides ? [...sides].map(([from, emoji]) => ({ from, emoji })) : [],
      replyTo: m.replyToProviderId ? (byProviderId.get(m.replyToProviderId) ?? 'missing') : null,
    });
    previous = m;
  }
  flushEventsBefore(Infinity);
  return days;
};
