import { conversationMetrics, segmentsOf } from './conversation-metrics.ts';
import { byTime, isAiReply, isHumanReply, type ConversationHistory, type OwnerKind } from './history.ts';

/**
 * What the analytics store per conversation: conversationMetrics() with "now" taken out, so a row
 * computed once stays true until the conversation changes. While a conversation is open its last
 * owner segment is still running: the row keeps its owner and start (`ownerSince`) and a reader
 * adds `now − ownerSince` (ownerTimeAt below, and the SQL in server/dashboard/analytics/).
 */
export type ConversationStats = {
  createdAt: number;
  resolvedAt: number | null;
  initialOwner: OwnerKind;
  currentOwner: OwnerKind;
  ownerSince: number;
  /** Closed segments only (all of them once resolved). */
  botMs: number;
  humanMs: number;
  queueMs: number;
  everAi: boolean;
  everHuman: boolean;
  takenOver: boolean;
  handedBack: boolean;
  aiResolved: boolean;
  escalationReasons: string[];
  handoffAt: number | null;
  humanFirstResponseMs: number | null;
  firstResponderId: string | null;
  resolutionMs: number | null;
  aiResponseMs: number[];
  humanOwnerIds: string[];
  takeoverActorIds: string[];
  /** Replies per person and per persona, as [id, count] pairs in first-reply order. */
  replies: Array<[string, number]>;
  personaReplies: Array<[string, number]>;
};

const countBy = (ids: string[]): Array<[string, number]> => {
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  return [...counts];
};

export const conversationStats = (h: ConversationHistory): ConversationStats => {
  // Any "now" past every change gives the same flags and first reply; only the open tail differs,
  // and segmentsOf with an unbounded end leaves exactly that tail as the last segment.
  const m = conversationMetrics(h, Number.MAX_SAFE_INTEGER);
  const segments = segmentsOf(h, Number.POSITIVE_INFINITY);
  const open = h.resolvedAt === null;
  const last = segments.at(-1);
  const closed = open ? segments.slice(0, -1) : segments;
  const sum = (owner: OwnerKind) => closed.reduce((ms, s) => (s.owner === owner ? ms + (s.to - s.from) : ms), 0);
  const firstReply = m.handoffAt === null ? undefined : byTime(h.messages).find((x) => isHumanReply(x) && x.at >= m.handoffAt!);
  const ordered = byTime(h.messages);
  return {
    createdAt: h.createdAt,
    resolvedAt: h.resolvedAt,
    initialOwner: m.initialOwner,
    currentOwner: last?.owner ?? m.initialOwner,
    ownerSince: last?.from ?? h.createdAt,
    botMs: sum('AI'),
    humanMs: sum('HUMAN'),
    queueMs: sum('QUEUE'),
    everAi: m.everAi,
    everHuman: m.everHuman,
    takenOver: m.takeovers.length > 0,
    handedBack: m.handbacks > 0,
    aiResolved: m.aiResolved,
    escalationReasons: m.escalationReasons,
    handoffAt: m.handoffAt,
    humanFirstResponseMs: m.humanFirstResponseMs,
    firstResponderId: m.humanFirstResponseMs === null ? null : (firstReply?.senderId ?? null),
    resolutionMs: m.resolutionMs,
    aiResponseMs: m.aiResponseMs,
    humanOwnerIds: m.humanOwners,
    takeoverActorIds: [...new Set(m.takeovers.map((t) => t.actorId))],
    replies: countBy(ordered.filter(isHumanReply).map((x) => x.senderId!)),
    personaReplies: countBy(ordered.filter(isAiReply).map((x) => x.aiAgentId!)),
  };
};

/** Owner time at `now`: the stored closed segments plus the running one while open. */
export const ownerTimeAt = (s: ConversationStats, now: number): Record<'botMs' | 'humanMs' | 'queueMs', number> => {
  const tail = s.resolvedAt === null ? Math.max(0, now - s.ownerSince) : 0;
  return {
    botMs: s.botMs + (s.currentOwner === 'AI' ? tail : 0),
    humanMs: s.humanMs + (s.currentOwner === 'HUMAN' ? tail : 0),
    queueMs: s.queueMs + (s.currentOwner === 'QUEUE' ? tail : 0),
  };
};
