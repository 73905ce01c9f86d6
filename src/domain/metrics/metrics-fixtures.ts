import type { ConversationHistory, MessageFact, OwnerKind, OwnershipChangeFact } from './history.ts';

/**
 * Hand-built histories for the metric tests (domain and SQL alike), written as a script of what
 * happened minute by minute: `t(5)` is five minutes after the conversation started.
 */
export const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);
export const t = (minutes: number) => T0 + minutes * 60_000;
export const MIN = 60_000;

export const ANA = '00000000-0000-4000-8000-0000000000a1';
export const BEN = '00000000-0000-4000-8000-0000000000b1';
export const PERSONA = '00000000-0000-4000-8000-0000000000c1';

export const customer = (minute: number): MessageFact => ({ direction: 'INBOUND', aiAgentId: null, senderId: null, isNote: false, at: t(minute) });
export const ai = (minute: number, persona = PERSONA): MessageFact => ({ direction: 'OUTBOUND', aiAgentId: persona, senderId: null, isNote: false, at: t(minute) });
export const human = (minute: number, senderId = ANA): MessageFact => ({ direction: 'OUTBOUND', aiAgentId: null, senderId, isNote: false, at: t(minute) });
export const note = (minute: number, senderId = ANA): MessageFact => ({ direction: 'OUTBOUND', aiAgentId: null, senderId, isNote: true, at: t(minute) });

type Step = { minute: number; to: OwnerKind; assignee?: string; actor?: string | null; reason?: string };

/** Ownership changes from `first` through each step, versions 1..n. */
export const changes = (first: OwnerKind, steps: Step[]): OwnershipChangeFact[] => {
  let from = first;
  return steps.map((s, i) => {
    const change: OwnershipChangeFact = {
      version: i + 1,
      from,
      to: s.to,
      toAssigneeId: s.to === 'HUMAN' ? (s.assignee ?? s.actor ?? ANA) : null,
      actorId: s.actor === undefined ? (s.to === 'QUEUE' && from === 'AI' ? null : ANA) : s.actor,
      reason: s.reason ?? (s.to === 'AI' ? 'hand back' : s.to === 'QUEUE' ? 'release' : 'take over'),
      at: t(s.minute),
    };
    from = s.to;
    return change;
  });
};

export const history = (
  id: string,
  opts: { first: OwnerKind; steps?: Step[]; messages?: MessageFact[]; resolvedAtMinute?: number | null },
): ConversationHistory => {
  const ch = changes(opts.first, opts.steps ?? []);
  return {
    id,
    createdAt: T0,
    resolvedAt: opts.resolvedAtMinute == null ? null : t(opts.resolvedAtMinute),
    currentOwner: ch.at(-1)?.to ?? opts.first,
    changes: ch,
    messages: opts.messages ?? [customer(0)],
  };
};
