/**
 * The input every conversation metric reads: one conversation's history as the database keeps it
 * (the conversation row, its ownership changes, its messages). Times are epoch milliseconds so the
 * formulas stay pure arithmetic; `now` is passed in, never read.
 */
export type OwnerKind = 'AI' | 'QUEUE' | 'HUMAN';

export type OwnershipChangeFact = {
  /** The ownerVersion this change produced: orders changes within a conversation. */
  version: number;
  from: OwnerKind;
  to: OwnerKind;
  toAssigneeId: string | null;
  /** The person who made the change; null when the AI (or the system) did. */
  actorId: string | null;
  reason: string;
  at: number;
};

export type MessageFact = {
  direction: 'INBOUND' | 'OUTBOUND';
  /** Set on messages the AI wrote. */
  aiAgentId: string | null;
  /** Set on messages a person wrote. */
  senderId: string | null;
  /** Internal notes never reach the customer: they answer nobody. */
  isNote: boolean;
  at: number;
};

export type ConversationHistory = {
  id: string;
  createdAt: number;
  /** Null unless the conversation is resolved now. */
  resolvedAt: number | null;
  /** The owner today: the first owner when no change was ever made. */
  currentOwner: OwnerKind;
  changes: OwnershipChangeFact[];
  messages: MessageFact[];
};

export const byTime = <T extends { at: number }>(items: T[]): T[] => [...items].sort((a, b) => a.at - b.at);

export const orderedChanges = (h: ConversationHistory): OwnershipChangeFact[] => [...h.changes].sort((a, b) => a.version - b.version);

/**
 * Who owned it first. Conversations are created already owned (AI when a persona answers the
 * channel, QUEUE otherwise) without a change row, so the first change's `from` says it; with no
 * change the current owner is still the first.
 */
export const initialOwner = (h: ConversationHistory): OwnerKind => orderedChanges(h)[0]?.from ?? h.currentOwner;

/** A message a customer sees from a person: outbound, not a note, not the AI's. */
export const isHumanReply = (m: MessageFact) => m.direction === 'OUTBOUND' && !m.isNote && m.aiAgentId === null && m.senderId !== null;

export const isAiReply = (m: MessageFact) => m.direction === 'OUTBOUND' && !m.isNote && m.aiAgentId !== null;
