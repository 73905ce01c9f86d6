import type { ApiUser } from './api-client.ts';

/** An active default persona through the real API (prompts live in the database). */
export const createPersona = (admin: ApiUser, overrides: Partial<Parameters<ApiUser['http']['aiAgent']['create']['mutate']>[0]> = {}) =>
  admin.http.aiAgent.create.mutate({
    name: 'Nova',
    role: 'SUPPORT',
    personalityPrompt: 'Warm, brief and precise.',
    knowledgePrompt: 'We sell sofas. Delivery takes 2 days.',
    objectivesPrompt: 'Answer questions; book visits.',
    model: 'gpt-test-mini',
    temperature: 0.3,
    active: true,
    isDefault: true,
    channelIds: [],
    ...overrides,
  });
