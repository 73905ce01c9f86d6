import { describe, expect, it } from 'vitest';
import { conversationMetrics } from './conversation-metrics.ts';
import { conversationStats, ownerTimeAt } from './conversation-stats.ts';
import { ANA, BEN, PERSONA, ai, customer, history, human, note, t } from './metrics-fixtures.ts';

const OTHER_PERSONA = '00000000-0000-4000-8000-0000000000c2';

const histories = [
  history('ai-alone', { first: 'AI', messages: [customer(0), customer(1), ai(3)], resolvedAtMinute: 10 }),
  history('ai-open', { first: 'AI', messages: [customer(0), ai(1)] }),
  history('taken-over', { first: 'AI', steps: [{ minute: 4, to: 'HUMAN', actor: ANA }], messages: [customer(0), ai(2), customer(3), note(5, ANA), human(6, ANA)], resolvedAtMinute: 30 }),
  history('escalated-open', { first: 'AI', steps: [{ minute: 1, to: 'QUEUE', reason: 'asked for a human' }, { minute: 11, to: 'HUMAN', actor: BEN }], messages: [customer(0), human(13, BEN)] }),
  history('queue-only', { first: 'QUEUE', steps: [{ minute: 2, to: 'HUMAN', actor: BEN }], messages: [customer(0), human(5, BEN), human(7, BEN)], resolvedAtMinute: 20 }),
  history('handed-back', { first: 'AI', steps: [{ minute: 1, to: 'HUMAN', actor: ANA }, { minute: 3, to: 'AI' }], messages: [customer(0), human(2, ANA), customer(4), ai(7, OTHER_PERSONA)], resolvedAtMinute: 40 }),
  history('waiting', { first: 'QUEUE', messages: [customer(0)] }),
  history('resolved-at-change', { first: 'AI', steps: [{ minute: 5, to: 'QUEUE', reason: 'ai failed' }], messages: [customer(0), ai(1, PERSONA), ai(2, PERSONA)], resolvedAtMinute: 5 }),
];

describe('stored conversation stats = conversationMetrics() at any later now', () => {
  it.each(histories.flatMap((h) => [t(13), t(60), t(600)].map((now) => ({ h, now, name: `${h.id} at minute ${(now - t(0)) / 60_000}` }))))('$name', ({ h, now }) => {
    const m = conversationMetrics(h, now);
    const s = conversationStats(h);
    expect(ownerTimeAt(s, now)).toEqual({ botMs: m.botMs, humanMs: m.humanMs, queueMs: m.queueMs });
    expect(s).toMatchObject({
      initialOwner: m.initialOwner,
      everAi: m.everAi,
      everHuman: m.everHuman,
      takenOver: m.takeovers.length > 0,
      handedBack: m.handbacks > 0,
      aiResolved: m.aiResolved,
      escalationReasons: m.escalationReasons,
      handoffAt: m.handoffAt,
      humanFirstResponseMs: m.humanFirstResponseMs,
      resolutionMs: m.resolutionMs,
      aiResponseMs: m.aiResponseMs,
      humanOwnerIds: m.humanOwners,
    });
  });

  it('counts replies per person and per persona, notes and customer messages excluded', () => {
    const s = conversationStats(histories[5]!);
    expect(s.replies).toEqual([[ANA, 1]]);
    expect(s.personaReplies).toEqual([[OTHER_PERSONA, 1]]);
    expect(conversationStats(histories[4]!).replies).toEqual([[BEN, 2]]);
    expect(conversationStats(histories[2]!)).toMatchObject({ replies: [[ANA, 1]], firstResponderId: ANA, takeoverActorIds: [ANA] });
  });

  it('keeps the running owner of an open conversation, and none of its time, for the reader to add', () => {
    const s = conversationStats(histories[3]!);
    expect(s).toMatchObject({ currentOwner: 'HUMAN', ownerSince: t(11), humanMs: 0, botMs: t(1) - t(0), queueMs: t(11) - t(1) });
  });
});
