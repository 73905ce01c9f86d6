/**
 * Who answers a conversation: the AI persona, the queue (waiting for a human), or one human.
 * Every change bumps the conversation's ownerVersion; services apply a transition with a
 * compare-and-set on that version, so of two simultaneous changes exactly one wins.
 */
export type OwnerKind = 'AI' | 'QUEUE' | 'HUMAN';
export type Owner = { kind: 'AI' } | { kind: 'QUEUE' } | { kind: 'HUMAN'; assigneeId: string };

export type OwnershipAction =
  | { type: 'take_over'; actorId: string }
  | { type: 'hand_back'; actorId: string }
  | { type: 'release'; actorId: string }
  | { type: 'assign'; actorId: string; assigneeId: string }
  | { type: 'escalate'; reason: string };

export type TransitionContext = {
  /** Supervisors and admins may hand back, release or reassign a conversation another human owns. */
  actorIsSupervisor: boolean;
  /** An active persona answers this channel: without one, nothing can be handed to the AI. */
  aiAvailable: boolean;
};

export type Refusal = { code: 'CONFLICT' | 'INVALID_STATE' | 'FORBIDDEN'; reason: string };
export type TransitionResult = { ok: true; next: Owner } | { ok: false; refusal: Refusal };

const ok = (next: Owner): TransitionResult => ({ ok: true, next });
const no = (code: Refusal['code'], reason: string): TransitionResult => ({ ok: false, refusal: { code, reason } });

const sameOwner = (a: Owner, b: Owner) => a.kind === b.kind && (a.kind !== 'HUMAN' || (b.kind === 'HUMAN' && a.assigneeId === b.assigneeId));

export const transition = (current: Owner, action: OwnershipAction, ctx: TransitionContext): TransitionResult => {
  const ownsIt = (actorId: string) => current.kind === 'HUMAN' && current.assigneeId === actorId;
  switch (action.type) {
    case 'take_over':
      if (ownsIt(action.actorId)) return no('INVALID_STATE', 'You already own this conversation.');
      if (current.kind === 'HUMAN') return no('CONFLICT', 'Another agent owns this conversation.');
      return ok({ kind: 'HUMAN', assigneeId: action.actorId });
    case 'hand_back':
      if (current.kind === 'AI') return no('INVALID_STATE', 'The AI already owns this conversation.');
      if (!ctx.aiAvailable) return no('INVALID_STATE', 'No active AI agent answers this channel.');
      if (current.kind === 'HUMAN' && !ownsIt(action.actorId) && !ctx.actorIsSupervisor) {
        return no('FORBIDDEN', 'Only the owner or a supervisor can hand this conversation back.');
      }
      return ok({ kind: 'AI' });
    case 'release':
      if (current.kind !== 'HUMAN') return no('INVALID_STATE', 'Only a conversation owned by a person can be released to the queue.');
      if (!ownsIt(action.actorId) && !ctx.actorIsSupervisor) return no('FORBIDDEN', 'Only the owner or a supervisor can release this conversation.');
      return ok({ kind: 'QUEUE' });
    case 'assign': {
      const next: Owner = { kind: 'HUMAN', assigneeId: action.assigneeId };
      if (sameOwner(current, next)) return no('INVALID_STATE', 'That teammate already owns this conversation.');
      if (current.kind === 'HUMAN' && !ownsIt(action.actorId) && !ctx.actorIsSupervisor) {
        return no('FORBIDDEN', 'Only the owner or a supervisor can reassign this conversation.');
      }
      return ok(next);
    }
    case 'escalate':
      if (current.kind !== 'AI') return no('INVALID_STATE', 'Only the AI escalates.');
      return ok({ kind: 'QUEUE' });
  }
};

/** Only the owning human may write to the customer; the AI only while it owns the conversation. */
export const maySend = (current: Owner, sender: { kind: 'AI' } | { kind: 'HUMAN'; userId: string }): boolean =>
  sender.kind === 'AI' ? current.kind === 'AI' : current.kind === 'HUMAN' && current.assigneeId === sender.userId;
