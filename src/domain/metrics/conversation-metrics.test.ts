import { describe, expect, it } from 'vitest';
import { conversationMetrics, segmentsOf } from './conversation-metrics.ts';
import { ANA, BEN, MIN, ai, customer, history, human, note, t } from './metrics-fixtures.ts';

const NOW = t(600);

describe('segments: bot time and human time kept apart', () => {
  it.each([
    {
      name: 'AI only, resolved at 30',
      h: history('c', { first: 'AI', resolvedAtMinute: 30 }),
      bot: 30, human: 0, queue: 0,
    },
    {
      name: 'AI 10, taken over, human 20, resolved',
      h: history('c', { first: 'AI', steps: [{ minute: 10, to: 'HUMAN' }], resolvedAtMinute: 30 }),
      bot: 10, human: 20, queue: 0,
    },
    {
      name: 'AI 5, escalated, queue 15, picked up, human 10',
      h: history('c', { first: 'AI', steps: [{ minute: 5, to: 'QUEUE', reason: 'asked for a human' }, { minute: 20, to: 'HUMAN' }], resolvedAtMinute: 30 }),
      bot: 5, human: 10, queue: 15,
    },
    {
      name: 'human hands back: AI 10, human 10, AI 10',
      h: history('c', { first: 'AI', steps: [{ minute: 10, to: 'HUMAN' }, { minute: 20, to: 'AI' }], resolvedAtMinute: 30 }),
      bot: 20, human: 10, queue: 0,
    },
    {
      name: 'open conversation runs until now',
      h: history('c', { first: 'QUEUE', steps: [{ minute: 100, to: 'HUMAN' }] }),
      bot: 0, human: 500, queue: 100,
    },
  ])('$name', ({ h, bot, human: humanMin, queue }) => {
    const m = conversationMetrics(h, NOW);
    expect({ bot: m.botMs / MIN, human: m.humanMs / MIN, queue: m.queueMs / MIN }).toEqual({ bot, human: humanMin, queue });
  });

  it('keeps the assignee on each human segment', () => {
    const h = history('c', { first: 'QUEUE', steps: [{ minute: 1, to: 'HUMAN', actor: ANA }, { minute: 5, to: 'HUMAN', actor: ANA, assignee: BEN, reason: 'assign' }], resolvedAtMinute: 9 });
    expect(segmentsOf(h, NOW).map((s) => [s.owner, s.assigneeId, (s.to - s.from) / MIN])).toEqual([
      ['QUEUE', null, 1],
      ['HUMAN', ANA, 4],
      ['HUMAN', BEN, 4],
    ]);
  });
});

describe('takeovers, handbacks, escalations, AI resolution', () => {
  it.each([
    { name: 'AI resolves alone', h: history('c', { first: 'AI', resolvedAtMinute: 3 }), aiResolved: true, takeovers: 1 - 1, handbacks: 0, reasons: [] as string[] },
    { name: 'AI, open: not resolved yet', h: history('c', { first: 'AI' }), aiResolved: false, takeovers: 0, handbacks: 0, reasons: [] },
    { name: 'taken over then handed back then resolved: a human owned it', h: history('c', { first: 'AI', steps: [{ minute: 1, to: 'HUMAN' }, { minute: 2, to: 'AI' }], resolvedAtMinute: 3 }), aiResolved: false, takeovers: 1, handbacks: 1, reasons: [] },
    { name: 'escalated and nobody came: not AI-resolved', h: history('c', { first: 'AI', steps: [{ minute: 1, to: 'QUEUE', reason: 'ai failed' }], resolvedAtMinute: 3 }), aiResolved: false, takeovers: 0, handbacks: 0, reasons: ['ai failed'] },
    { name: 'queue pickup is not a takeover', h: history('c', { first: 'QUEUE', steps: [{ minute: 1, to: 'HUMAN' }], resolvedAtMinute: 3 }), aiResolved: false, takeovers: 0, handbacks: 0, reasons: [] },
    { name: 'AI → QUEUE → HUMAN is an escalation, not a takeover', h: history('c', { first: 'AI', steps: [{ minute: 1, to: 'QUEUE', reason: 'asked for a human' }, { minute: 2, to: 'HUMAN' }] }), aiResolved: false, takeovers: 0, handbacks: 0, reasons: ['asked for a human'] },
    { name: 'an AI → HUMAN change without a person (system) is no takeover', h: history('c', { first: 'AI', steps: [{ minute: 1, to: 'HUMAN', actor: null, assignee: ANA }] }), aiResolved: false, takeovers: 0, handbacks: 0, reasons: [] },
    { name: 'two takeovers after a handback count twice', h: history('c', { first: 'AI', steps: [{ minute: 1, to: 'HUMAN' }, { minute: 2, to: 'AI' }, { minute: 3, to: 'HUMAN', actor: BEN }] }), aiResolved: false, takeovers: 2, handbacks: 1, reasons: [] },
  ])('$name', ({ h, aiResolved, takeovers, handbacks, reasons }) => {
    const m = conversationMetrics(h, NOW);
    expect({ aiResolved: m.aiResolved, takeovers: m.takeovers.length, handbacks: m.handbacks, reasons: m.escalationReasons }).toEqual({ aiResolved, takeovers, handbacks, reasons });
  });

  it('reads the first owner from the first change, since creation writes no change row', () => {
    expect(conversationMetrics(history('c', { first: 'AI', steps: [{ minute: 1, to: 'HUMAN' }] }), NOW).initialOwner).toBe('AI');
    expect(conversationMetrics(history('c', { first: 'QUEUE' }), NOW).initialOwner).toBe('QUEUE');
  });
});

describe('human first response: measured from the handoff', () => {
  it.each([
    {
      name: 'AI for 10 minutes, takeover at 10, first human reply at 12: 2 minutes, not 12',
      h: history('c', { first: 'AI', steps: [{ minute: 10, to: 'HUMAN' }], messages: [customer(0), ai(1), customer(9), human(12)] }),
      frt: 2,
    },
    {
      name: 'escalated at 5, waits in the queue, picked up at 20, reply at 21: 16 (the queue wait is the customer’s wait)',
      h: history('c', { first: 'AI', steps: [{ minute: 5, to: 'QUEUE', reason: 'asked' }, { minute: 20, to: 'HUMAN' }], messages: [customer(0), ai(1), customer(4), human(21)] }),
      frt: 16,
    },
    {
      name: 'never AI: from the customer’s first message',
      h: history('c', { first: 'QUEUE', steps: [{ minute: 3, to: 'HUMAN' }], messages: [customer(0), human(7)] }),
      frt: 7,
    },
    {
      name: 'a note is not a response',
      h: history('c', { first: 'QUEUE', steps: [{ minute: 3, to: 'HUMAN' }], messages: [customer(0), note(4), human(9)] }),
      frt: 9,
    },
    {
      name: 'no human reply yet: not measured',
      h: history('c', { first: 'QUEUE', steps: [{ minute: 3, to: 'HUMAN' }], messages: [customer(0), note(4)] }),
      frt: null,
    },
    {
      name: 'AI never let go: no handoff, no human first response',
      h: history('c', { first: 'AI', messages: [customer(0), ai(1)] }),
      frt: null,
    },
    {
      name: 'only the first handoff counts',
      h: history('c', { first: 'AI', steps: [{ minute: 10, to: 'HUMAN' }, { minute: 15, to: 'AI' }, { minute: 30, to: 'HUMAN' }], messages: [customer(0), human(11), customer(29), human(40)] }),
      frt: 1,
    },
  ])('$name', ({ h, frt }) => {
    const m = conversationMetrics(h, NOW);
    expect(m.humanFirstResponseMs === null ? null : m.humanFirstResponseMs / MIN).toBe(frt);
  });
});

describe('AI response time: customer message → AI reply', () => {
  it.each([
    { name: 'one exchange', messages: [customer(0), ai(2)], times: [2] },
    { name: 'a burst is measured from its first message', messages: [customer(0), customer(1), customer(3), ai(4)], times: [4] },
    { name: 'two exchanges', messages: [customer(0), ai(1), customer(10), ai(13)], times: [1, 3] },
    { name: 'an AI follow-up with nothing unanswered is not a response', messages: [customer(0), ai(1), ai(2)], times: [1] },
    { name: 'a human answered first: the next AI message is not a response to it', messages: [customer(0), human(1), ai(2)], times: [] },
    { name: 'notes are ignored', messages: [customer(0), note(1), ai(2)], times: [2] },
    { name: 'out of order input is ordered by time', messages: [ai(5), customer(0)], times: [5] },
  ])('$name', ({ messages, times }) => {
    const m = conversationMetrics(history('c', { first: 'AI', messages }), NOW);
    expect(m.aiResponseMs.map((ms) => ms / MIN)).toEqual(times);
  });
});

describe('resolution time', () => {
  it('is resolvedAt − createdAt for resolved conversations and null for open ones', () => {
    expect(conversationMetrics(history('c', { first: 'AI', resolvedAtMinute: 45 }), NOW).resolutionMs).toBe(45 * MIN);
    expect(conversationMetrics(history('c', { first: 'AI' }), NOW).resolutionMs).toBeNull();
  });
});
