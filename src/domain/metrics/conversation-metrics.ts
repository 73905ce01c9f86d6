import { byTime, initialOwner, isAiReply, isHumanReply, orderedChanges, type ConversationHistory, type OwnerKind } from './history.ts';

/**
 * Metrics of one conversation, each defined here once; the SQL in server/dashboard/ computes the
 * same definitions in bulk (its tests compare the two on hand-built histories).
 *
 * - Segments: the conversation's life split by owner, from its creation to its resolution (or
 *   `now` while open). Bot time is the AI's segments, human time the HUMAN segments, queue time
 *   the wait between; they are never summed into one "handling time".
 * - Takeover: a change AI → HUMAN made by a person (actorId set). A QUEUE → HUMAN change is a
 *   pickup, not a takeover: the AI had already let go.
 * - Handback: a change HUMAN → AI.
 * - Escalation: a change AI → QUEUE; its reason is what the AI (or rule) gave.
 * - AI-resolved: resolved, and the AI owned it from start to finish (no change ever left AI).
 *   A conversation the AI escalated to the queue and that nobody picked up is not AI-resolved.
 * - Handoff: the moment a human became responsible — the first change out of AI (to QUEUE or
 *   HUMAN) when the AI owned it first, else the conversation's creation (its first customer message).
 * - Human first response: from the handoff to the first human reply (outbound, not a note, not
 *   the AI's) at or after it. Null when no person has answered yet. Only the first handoff counts:
 *   a conversation handed back and taken over again is not measured twice.
 * - AI response times: for every AI reply, from the first customer message not yet answered (no
 *   outbound message since) to that reply. A burst of three messages is measured from the first.
 * - Resolution time: resolvedAt − createdAt, for resolved conversations.
 */
export type Segment = { owner: OwnerKind; assigneeId: string | null; from: number; to: number };

export type ConversationMetrics = {
  initialOwner: OwnerKind;
  segments: Segment[];
  botMs: number;
  humanMs: number;
  queueMs: number;
  takeovers: Array<{ actorId: string; at: number }>;
  handbacks: number;
  escalationReasons: string[];
  everHuman: boolean;
  everAi: boolean;
  aiResolved: boolean;
  handoffAt: number | null;
  humanFirstResponseMs: number | null;
  aiResponseMs: number[];
  resolutionMs: number | null;
  /** People who owned it at some point. */
  humanOwners: string[];
};

export const segmentsOf = (h: ConversationHistory, now: number): Segment[] => {
  const end = h.resolvedAt ?? now;
  const segments: Segment[] = [];
  let owner: OwnerKind = initialOwner(h);
  let assigneeId: string | null = null;
  let from = h.createdAt;
  for (const c of orderedChanges(h)) {
    // Clamp: a change can never start before the conversation, nor after its end.
    const at = Math.min(Math.max(c.at, from), end);
    segments.push({ owner, assigneeId, from, to: at });
    owner = c.to;
    assigneeId = c.to === 'HUMAN' ? c.toAssigneeId : null;
    from = at;
  }
  segments.push({ owner, assigneeId, from, to: Math.max(from, end) });
  return segments.filter((s) => s.to > s.from);
};

const sumOf = (segments: Segment[], owner: OwnerKind) => segments.reduce((ms, s) => (s.owner === owner ? ms + (s.to - s.from) : ms), 0);

/** From each AI reply back to the first customer message since the previous outbound message. */
export const aiResponseTimes = (h: ConversationHistory): number[] => {
  const times: number[] = [];
  let waitingSince: number | null = null;
  for (const m of byTime(h.messages)) {
    if (m.isNote) continue;
    if (m.direction === 'INBOUND') {
      waitingSince ??= m.at;
      continue;
    }
    if (isAiReply(m) && waitingSince !== null) times.push(m.at - waitingSince);
    waitingSince = null;
  }
  return times;
};

export const conversationMetrics = (h: ConversationHistory, now: number): ConversationMetrics => {
  const changes = orderedChanges(h);
  const first = initialOwner(h);
  const segments = segmentsOf(h, now);
  const takeovers = changes.flatMap((c) => (c.from === 'AI' && c.to === 'HUMAN' && c.actorId !== null ? [{ actorId: c.actorId, at: c.at }] : []));
  const owners = new Set<OwnerKind>([first, ...changes.map((c) => c.to)]);
  const handoffAt = first === 'AI' ? (changes.find((c) => c.from === 'AI' && c.to !== 'AI')?.at ?? null) : h.createdAt;
  const firstHumanReply = handoffAt === null ? undefined : byTime(h.messages).find((m) => isHumanReply(m) && m.at >= handoffAt);
  const resolved = h.resolvedAt !== null;
  return {
    initialOwner: first,
    segments,
    botMs: sumOf(segments, 'AI'),
    humanMs: sumOf(segments, 'HUMAN'),
    queueMs: sumOf(segments, 'QUEUE'),
    takeovers,
    handbacks: changes.filter((c) => c.from === 'HUMAN' && c.to === 'AI').length,
    escalationReasons: changes.filter((c) => c.from === 'AI' && c.to === 'QUEUE').map((c) => c.reason),
    everHuman: owners.has('HUMAN'),
    everAi: owners.has('AI'),
    aiResolved: resolved && first === 'AI' && changes.every((c) => c.to === 'AI'),
    handoffAt,
    humanFirstResponseMs: firstHumanReply && handoffAt !== null ? firstHumanReply.at - handoffAt : null,
    aiResponseMs: aiResponseTimes(h),
    resolutionMs: resolved ? h.resolvedAt! - h.createdAt : null,
    humanOwners: [...new Set(changes.flatMap((c) => (c.to === 'HUMAN' && c.toAssigneeId ? [c.toAssigneeId] : [])))],
  };
};
