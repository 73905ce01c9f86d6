import { describe, expect, it } from 'vitest';
import { buildChatMessages, HANDOFF_TOOL } from './ai-prompt.ts';

const persona = { name: 'Nova', role: 'SUPPORT' as const, personalityPrompt: 'Warm and concise.', knowledgePrompt: 'We ship in 2 days.', objectivesPrompt: '' };

describe('buildChatMessages', () => {
  it('puts the persona, the contact and the handoff rule in the system prompt', () => {
    const [system] = buildChatMessages(persona, { name: 'Cleo', phone: '+15550001' }, []);
    expect(system!.role).toBe('system');
    expect(system!.content).toContain('customer support agent named Nova');
    expect(system!.content).toContain('Warm and concise.');
    expect(system!.content).toContain('We ship in 2 days.');
    expect(system!.content).not.toContain('Your objectives');
    expect(system!.content).toContain('Cleo (+15550001)');
    expect(system!.content).toContain(HANDOFF_TOOL);
  });
  it('maps the thread to turns, marking human replies and skipping empty bodies', () => {
    const messages = buildChatMessages(persona, { name: '', phone: '+1' }, [
      { direction: 'INBOUND', body: 'Hi', fromAi: false },
      { direction: 'OUTBOUND', body: 'Hello! How can I help?', fromAi: true },
      { direction: 'OUTBOUND', body: 'Ana here', fromAi: false },
      { direction: 'INBOUND', body: '', fromAi: false },
    ]);
    expect(messages.slice(1)).toEqual([
      { role: 'user', content: 'Hi' },
      { role: 'assistant', content: 'Hello! How can I help?' },
      { role: 'assistant', content: '[a human teammate wrote] Ana here' },
    ]);
  });
});
