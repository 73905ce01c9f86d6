import { describe, expect, it } from 'vitest';
import { maySend, transition, type Owner, type OwnershipAction, type TransitionContext } from './conversation-ownership.ts';

const AI: Owner = { kind: 'AI' };
const QUEUE: Owner = { kind: 'QUEUE' };
const ANA: Owner = { kind: 'HUMAN', assigneeId: 'ana' };
const BEN: Owner = { kind: 'HUMAN', assigneeId: 'ben' };
const agent: TransitionContext = { actorIsSupervisor: false, aiAvailable: true };
const supervisor: TransitionContext = { actorIsSupervisor: true, aiAvailable: true };

type Row = [string, Owner, OwnershipAction, TransitionContext, Owner | string];
const rows: Row[] = [
  // take over: AI or queue -> me; never from another human; not twice
  ['take over from AI', AI, { type: 'take_over', actorId: 'ana' }, agent, ANA],
  ['take over from queue', QUEUE, { type: 'take_over', actorId: 'ana' }, agent, ANA],
  ['take over from another agent', BEN, { type: 'take_over', actorId: 'ana' }, agent, 'CONFLICT'],
  ['take over from another agent, as supervisor', BEN, { type: 'take_over', actorId: 'ana' }, supervisor, 'CONFLICT'],
  ['take over what I own', ANA, { type: 'take_over', actorId: 'ana' }, agent, 'INVALID_STATE'],
  // hand back: owner or supervisor, needs an AI
  ['hand back my conversation', ANA, { type: 'hand_back', actorId: 'ana' }, agent, AI],
  ['hand back from queue', QUEUE, { type: 'hand_back', actorId: 'ana' }, agent, AI],
  ['hand back someone else’s', BEN, { type: 'hand_back', actorId: 'ana' }, agent, 'FORBIDDEN'],
  ['hand back someone else’s, as supervisor', BEN, { type: 'hand_back', actorId: 'ana' }, supervisor, AI],
  ['hand back with no AI available', ANA, { type: 'hand_back', actorId: 'ana' }, { ...agent, aiAvailable: false }, 'INVALID_STATE'],
  ['hand back to the AI that owns it', AI, { type: 'hand_back', actorId: 'ana' }, agent, 'INVALID_STATE'],
  // release: from a human to the queue
  ['release mine', ANA, { type: 'release', actorId: 'ana' }, agent, QUEUE],
  ['release someone else’s', BEN, { type: 'release', actorId: 'ana' }, agent, 'FORBIDDEN'],
  ['release someone else’s, as supervisor', BEN, { type: 'release', actorId: 'ana' }, supervisor, QUEUE],
  ['release the AI’s', AI, { type: 'release', actorId: 'ana' }, agent, 'INVALID_STATE'],
  ['release the queue’s', QUEUE, { type: 'release', actorId: 'ana' }, agent, 'INVALID_STATE'],
  // assign: to a teammate
  ['assign from AI', AI, { type: 'assign', actorId: 'ana', assigneeId: 'ben' }, agent, BEN],
  ['assign from queue', QUEUE, { type: 'assign', actorId: 'ana', assigneeId: 'ben' }, agent, BEN],
  ['assign mine to a teammate', ANA, { type: 'assign', actorId: 'ana', assigneeId: 'ben' }, agent, BEN],
  ['assign someone else’s', BEN, { type: 'assign', actorId: 'ana', assigneeId: 'ana' }, agent, 'FORBIDDEN'],
  ['assign someone else’s, as supervisor', BEN, { type: 'assign', actorId: 'ana', assigneeId: 'ana' }, supervisor, ANA],
  ['assign to the current owner', BEN, { type: 'assign', actorId: 'ben', assigneeId: 'ben' }, agent, 'INVALID_STATE'],
  // escalate: only the AI, to the queue
  ['AI escalates', AI, { type: 'escalate', reason: 'asked for a person' }, agent, QUEUE],
  ['escalate from the queue', QUEUE, { type: 'escalate', reason: 'x' }, agent, 'INVALID_STATE'],
  ['escalate from a human', ANA, { type: 'escalate', reason: 'x' }, agent, 'INVALID_STATE'],
];

describe('transition', () => {
  it.each(rows)('%s', (_name, current, action, ctx, expected) => {
    const result = transition(current, action, ctx);
    if (typeof expected === 'string') expect(result).toMatchObject({ ok: false, refusal: { code: expected } });
    else expect(result).toEqual({ ok: true, next: expected });
  });

  it('covers every action from every kind of owner', () => {
    const seen = new Set(rows.map(([, current, action]) => `${current.kind}:${action.type}`));
    for (const kind of ['AI', 'QUEUE', 'HUMAN']) {
      for (const type of ['take_over', 'hand_back', 'release', 'assign', 'escalate']) expect(seen).toContain(`${kind}:${type}`);
    }
  });
});

describe('maySend', () => {
  it('lets only the owner write', () => {
    expect(maySend(AI, { kind: 'AI' })).toBe(true);
    expect(maySend(ANA, { kind: 'AI' })).toBe(false);
    expect(maySend(QUEUE, { kind: 'AI' })).toBe(false);
    expect(maySend(ANA, { kind: 'HUMAN', userId: 'ana' })).toBe(true);
    expect(maySend(ANA, { kind: 'HUMAN', userId: 'ben' })).toBe(false);
    expect(maySend(AI, { kind: 'HUMAN', userId: 'ana' })).toBe(false);
    expect(maySend(QUEUE, { kind: 'HUMAN', userId: 'ana' })).toBe(false);
  });
});
