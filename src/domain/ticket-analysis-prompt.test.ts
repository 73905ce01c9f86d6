import { describe, expect, it } from 'vitest';
import { buildAnalysisMessages, parseAnalysis, type AnalysisHistory } from './ticket-analysis-prompt.ts';

const history: AnalysisHistory = {
  number: 1042,
  subject: 'Parcel never arrived',
  description: 'Ordered on Monday, tracking stuck.',
  status: 'OPEN',
  priority: 'NORMAL',
  tags: ['delivery'],
  contactName: 'Maria',
  comments: [
    { at: '2026-11-23T10:00:00Z', author: 'Ana', internal: false, body: 'We are checking with the courier.' },
    { at: '2026-11-23T11:00:00Z', author: 'Ben', internal: true, body: 'Courier says lost.' },
  ],
  activity: [{ at: '2026-11-23T09:00:00Z', actor: 'Ana', field: 'priority', from: 'LOW', to: 'NORMAL' }],
};

describe('buildAnalysisMessages', () => {
  it('puts the description, every comment (notes marked) and every change in the prompt', () => {
    const [system, user] = buildAnalysisMessages(history);
    expect(system!.content).toMatch(/JSON/);
    for (const part of ['#1042', 'Parcel never arrived', 'tracking stuck', 'checking with the courier', 'Ben (internal note): Courier says lost.', 'changed priority: LOW → NORMAL', 'Tags: delivery']) {
      expect(user!.content).toContain(part);
    }
  });

  it('keeps the newest comments when there are many', () => {
    const many = { ...history, comments: Array.from({ length: 100 }, (_, i) => ({ at: 'x', author: 'A', internal: false, body: `comment ${i}` })) };
    const [, user] = buildAnalysisMessages(many);
    expect(user!.content).toContain('comment 99');
    expect(user!.content).not.toContain('comment 39:');
    expect(user!.content).toContain('newest 60 shown');
  });
});

describe('parseAnalysis', () => {
  const good = { summary: 'Lost parcel.', category: 'delivery', sentiment: 'negative', suggestedPriority: 'high', nextActions: ['Refund'] };
  it.each([
    ['plain JSON', JSON.stringify(good), true],
    ['fenced JSON', `\`\`\`json\n${JSON.stringify(good)}\n\`\`\``, true],
    ['not JSON', 'Sure! Here is my analysis', false],
    ['a missing key', JSON.stringify({ ...good, summary: undefined }), false],
    ['an unknown sentiment', JSON.stringify({ ...good, sentiment: 'furious' }), false],
    ['no next actions', JSON.stringify({ ...good, nextActions: [] }), false],
  ])('%s -> ok: %s', (_name, text, ok) => {
    const parsed = parseAnalysis(text);
    expect(parsed.ok).toBe(ok);
    if (parsed.ok) expect(parsed.result.suggestedPriority).toBe('HIGH');
  });
});
