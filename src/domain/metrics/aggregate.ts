import { conversationMetrics, type ConversationMetrics } from './conversation-metrics.ts';
import { byTime, isAiReply, isHumanReply, type ConversationHistory } from './history.ts';

/**
 * Figures over many conversations. Rates are fractions in [0, 1], or null when their denominator
 * is zero (a dashboard shows "—", never a made-up 0 %). Medians use the lower middle for an even
 * count, as PostgreSQL's percentile_disc(0.5) does, so the SQL and these functions agree exactly.
 */
export const percentile = (values: number[], p: number): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
};

export const median = (values: number[]): number | null => percentile(values, 0.5);

export const rate = (numerator: number, denominator: number): number | null => (denominator === 0 ? null : numerator / denominator);

export type Summary = {
  conversations: number;
  resolved: number;
  /** Started with the AI: the denominator of AI resolution and takeover rates. */
  aiStarted: number;
  aiResolved: number;
  aiResolutionRate: number | null;
  /** Conversations with at least one takeover, over conversations the AI ever owned. */
  takenOver: number;
  takeoverRate: number | null;
  /** Conversations handed back at least once, over conversations a person ever owned. */
  handedBack: number;
  handbackRate: number | null;
  escalations: Array<{ reason: string; count: number }>;
  botMs: number;
  humanMs: number;
  queueMs: number;
  humanFirstResponse: { medianMs: number | null; p90Ms: number | null; count: number };
  aiResponse: { medianMs: number | null; p90Ms: number | null; count: number };
  resolution: { medianMs: number | null; count: number };
};

export const summarize = (histories: ConversationHistory[], now: number): Summary => {
  const all = histories.map((h) => conversationMetrics(h, now));
  const count = (f: (m: ConversationMetrics) => boolean) => all.filter(f).length;
  const reasons = new Map<string, number>();
  for (const r of all.flatMap((m) => m.escalationReasons)) reasons.set(r, (reasons.get(r) ?? 0) + 1);
  const frt = all.flatMap((m) => (m.humanFirstResponseMs === null ? [] : [m.humanFirstResponseMs]));
  const ai = all.flatMap((m) => m.aiResponseMs);
  const resolution = all.flatMap((m) => (m.resolutionMs === null ? [] : [m.resolutionMs]));
  const aiStarted = count((m) => m.initialOwner === 'AI');
  const aiResolved = count((m) => m.aiResolved);
  const everAi = count((m) => m.everAi);
  const everHuman = count((m) => m.everHuman);
  const takenOver = count((m) => m.takeovers.length > 0);
  const handedBack = count((m) => m.handbacks > 0);
  return {
    conversations: all.length,
    resolved: resolution.length,
    aiStarted,
    aiResolved,
    aiResolutionRate: rate(aiResolved, aiStarted),
    takenOver,
    takeoverRate: rate(takenOver, everAi),
    handedBack,
    handbackRate: rate(handedBack, everHuman),
    escalations: [...reasons].map(([reason, n]) => ({ reason, count: n })).sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
    botMs: all.reduce((s, m) => s + m.botMs, 0),
    humanMs: all.reduce((s, m) => s + m.humanMs, 0),
    queueMs: all.reduce((s, m) => s + m.queueMs, 0),
    humanFirstResponse: { medianMs: median(frt), p90Ms: percentile(frt, 0.9), count: frt.length },
    aiResponse: { medianMs: median(ai), p90Ms: percentile(ai, 0.9), count: ai.length },
    resolution: { medianMs: median(resolution), count: resolution.length },
  };
};

/**
 * Per person: conversations they owned at some point; how many of those they took over from the
 * AI (their takeover rate); their first responses (conversations whose first human reply after
 * the handoff was theirs); and every reply they sent. People have no rating yet: ratings are of
 * AI messages.
 */
export type AgentFigures = {
  userId: string;
  conversations: number;
  takeovers: number;
  takeoverRate: number | null;
  firstResponseMedianMs: number | null;
  replies: number;
};

export const perAgent = (histories: ConversationHistory[], now: number): AgentFigures[] => {
  const rows = new Map<string, { conversations: number; takeovers: number; frt: number[]; replies: number }>();
  const row = (userId: string) => {
    let r = rows.get(userId);
    if (!r) rows.set(userId, (r = { conversations: 0, takeovers: 0, frt: [], replies: 0 }));
    return r;
  };
  for (const h of histories) {
    const m = conversationMetrics(h, now);
    for (const userId of m.humanOwners) row(userId).conversations += 1;
    for (const userId of new Set(m.takeovers.map((t) => t.actorId))) row(userId).takeovers += 1;
    for (const reply of h.messages.filter(isHumanReply)) row(reply.senderId!).replies += 1;
    if (m.humanFirstResponseMs !== null) {
      const first = byTime(h.messages).find((x) => isHumanReply(x) && x.at >= m.handoffAt!);
      row(first!.senderId!).frt.push(m.humanFirstResponseMs);
    }
  }
  return [...rows].map(([userId, r]) => ({
    userId,
    conversations: r.conversations,
    takeovers: r.takeovers,
    takeoverRate: rate(r.takeovers, r.conversations),
    firstResponseMedianMs: median(r.frt),
    replies: r.replies,
  }));
};

export type RatingFact = { aiAgentId: string; helpful: boolean };

/**
 * Per persona: conversations it wrote at least one reply in; of those, how many a person took
 * over; its replies; and its rating, the share of agents' verdicts on its messages that said
 * "helpful".
 */
export type PersonaFigures = {
  aiAgentId: string;
  conversations: number;
  takenOver: number;
  takeoverRate: number | null;
  replies: number;
  helpful: number;
  notHelpful: number;
  rating: number | null;
};

export const perPersona = (histories: ConversationHistory[], ratings: RatingFact[], now: number): PersonaFigures[] => {
  const rows = new Map<string, Omit<PersonaFigures, 'aiAgentId' | 'takeoverRate' | 'rating'>>();
  const row = (aiAgentId: string) => {
    let r = rows.get(aiAgentId);
    if (!r) rows.set(aiAgentId, (r = { conversations: 0, takenOver: 0, replies: 0, helpful: 0, notHelpful: 0 }));
    return r;
  };
  for (const h of histories) {
    const replies = h.messages.filter(isAiReply);
    const personas = new Set(replies.map((m) => m.aiAgentId!));
    const takenOver = conversationMetrics(h, now).takeovers.length > 0;
    for (const id of personas) {
      row(id).conversations += 1;
      if (takenOver) row(id).takenOver += 1;
    }
    for (const m of replies) row(m.aiAgentId!).replies += 1;
  }
  for (const r of ratings) row(r.aiAgentId)[r.helpful ? 'helpful' : 'notHelpful'] += 1;
  return [...rows].map(([aiAgentId, r]) => ({
    aiAgentId,
    ...r,
    takeoverRate: rate(r.takenOver, r.conversations),
    rating: rate(r.helpful, r.helpful + r.notHelpful),
  }));
};
