import { describe, expect, it } from 'vitest';
import { median, perAgent, perPersona, percentile, rate, summarize } from './aggregate.ts';
import { ANA, BEN, MIN, PERSONA, ai, customer, history, human, t } from './metrics-fixtures.ts';

const NOW = t(600);
const OTHER_PERSONA = '00000000-0000-4000-8000-0000000000c2';

/** Five conversations covering every path: AI alone, takeover, escalation, queue-only, handback. */
const world = [
  history('ai-alone', { first: 'AI', messages: [customer(0), ai(1)], resolvedAtMinute: 10 }),
  history('taken-over', { first: 'AI', steps: [{ minute: 4, to: 'HUMAN', actor: ANA }], messages: [customer(0), ai(2), customer(3), human(6, ANA)], resolvedAtMinute: 30 }),
  history('escalated', { first: 'AI', steps: [{ minute: 1, to: 'QUEUE', reason: 'asked for a human' }, { minute: 11, to: 'HUMAN', actor: BEN }], messages: [customer(0), human(13, BEN)] }),
  history('queue-only', { first: 'QUEUE', steps: [{ minute: 2, to: 'HUMAN', actor: BEN }], messages: [customer(0), human(5, BEN)], resolvedAtMinute: 20 }),
  history('handed-back', { first: 'AI', steps: [{ minute: 1, to: 'HUMAN', actor: ANA }, { minute: 3, to: 'AI' }], messages: [customer(0), human(2, ANA), customer(4), ai(7, OTHER_PERSONA)], resolvedAtMinute: 40 }),
];

describe('percentile, median and rate', () => {
  it.each([
    { values: [], p: 0.5, expected: null },
    { values: [7], p: 0.5, expected: 7 },
    { values: [4, 1, 3, 2], p: 0.5, expected: 2 },
    { values: [1, 2, 3], p: 0.5, expected: 2 },
    { values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], p: 0.9, expected: 9 },
  ])('percentile($values, $p) = $expected (lower middle, like percentile_disc)', ({ values, p, expected }) => {
    expect(percentile(values, p)).toBe(expected);
  });
  it('median is the 0.5 percentile', () => expect(median([5, 1, 9])).toBe(5));
  it('a rate with nothing to divide by is null, not 0', () => {
    expect(rate(0, 0)).toBeNull();
    expect(rate(1, 4)).toBe(0.25);
  });
});

describe('summarize', () => {
  const s = summarize(world, NOW);

  it('counts AI resolution over conversations the AI started', () => {
    expect({ aiStarted: s.aiStarted, aiResolved: s.aiResolved, rate: s.aiResolutionRate }).toEqual({ aiStarted: 4, aiResolved: 1, rate: 0.25 });
  });

  it('takeover rate over conversations the AI ever owned, handback rate over those a person ever owned', () => {
    expect({ takenOver: s.takenOver, takeoverRate: s.takeoverRate }).toEqual({ takenOver: 2, takeoverRate: 2 / 4 });
    expect({ handedBack: s.handedBack, handbackRate: s.handbackRate }).toEqual({ handedBack: 1, handbackRate: 1 / 4 });
  });

  it('groups escalation reasons', () => {
    expect(s.escalations).toEqual([{ reason: 'asked for a human', count: 1 }]);
  });

  it('medians first response from the handoff, AI response and resolution separately', () => {
    // FRT: taken-over 2, escalated 12, queue-only 5, handed-back 1 → sorted 1,2,5,12 → lower middle 2.
    expect(s.humanFirstResponse).toEqual({ medianMs: 2 * MIN, p90Ms: 12 * MIN, count: 4 });
    // AI: ai-alone 1, taken-over 2, handed-back 3 (customer at 4 → AI at 7).
    expect(s.aiResponse).toEqual({ medianMs: 2 * MIN, p90Ms: 3 * MIN, count: 3 });
    // Resolution: 10, 30, 20, 40 → lower middle 20.
    expect(s.resolution).toEqual({ medianMs: 20 * MIN, count: 4 });
  });

  it('keeps bot and human time apart', () => {
    // Bot: 10 + 4 + 1 + 0 + (1 + 37) = 53; human: 0 + 26 + (600-11) + 18 + 2 = 635; queue: 10 + 2 = 12.
    expect({ bot: s.botMs / MIN, human: s.humanMs / MIN, queue: s.queueMs / MIN }).toEqual({ bot: 53, human: 635, queue: 12 });
  });
});

describe('per agent and per persona', () => {
  it('gives each agent their conversations, takeovers, first responses and replies', () => {
    const rows = perAgent(world, NOW).sort((a, b) => a.userId.localeCompare(b.userId));
    expect(rows).toEqual([
      { userId: ANA, conversations: 2, takeovers: 2, takeoverRate: 1, firstResponseMedianMs: 1 * MIN, replies: 2 },
      { userId: BEN, conversations: 2, takeovers: 0, takeoverRate: 0, firstResponseMedianMs: 5 * MIN, replies: 2 },
    ]);
  });

  it('gives each persona its conversations, takeover rate and rating', () => {
    const ratings = [
      { aiAgentId: PERSONA, helpful: true },
      { aiAgentId: PERSONA, helpful: true },
      { aiAgentId: PERSONA, helpful: false },
    ];
    const rows = perPersona(world, ratings, NOW).sort((a, b) => a.aiAgentId.localeCompare(b.aiAgentId));
    expect(rows).toEqual([
      { aiAgentId: PERSONA, conversations: 2, takenOver: 1, takeoverRate: 0.5, replies: 2, helpful: 2, notHelpful: 1, rating: 2 / 3 },
      { aiAgentId: OTHER_PERSONA, conversations: 1, takenOver: 1, takeoverRate: 1, replies: 1, helpful: 0, notHelpful: 0, rating: null },
    ]);
  });
});
