import { z } from 'zod';

export const ZAiAgentRole = z.enum(['SALES', 'SUPPORT', 'ASSISTANT']);

export const ZAiAgentFields = z.object({
  name: z.string().trim().min(1).max(80),
  role: ZAiAgentRole,
  personalityPrompt: z.string().trim().min(1, { error: 'Describe how the agent speaks' }).max(8000),
  knowledgePrompt: z.string().max(20000).default(''),
  objectivesPrompt: z.string().max(8000).default(''),
  model: z.string().trim().min(1).max(100),
  temperature: z.number().min(0).max(2),
  active: z.boolean(),
  isDefault: z.boolean(),
  /** Channels this persona answers (replacing whatever answered them before). */
  channelIds: z.array(z.uuid()).max(100).default([]),
});
export const ZCreateAiAgentInput = ZAiAgentFields;
export const ZUpdateAiAgentInput = ZAiAgentFields.extend({ aiAgentId: z.uuid() });
export const ZAiAgentIdInput = z.object({ aiAgentId: z.uuid() });

export type AiAgentDto = z.infer<typeof ZAiAgentFields> & { id: string; createdAt: string; ratings: { helpful: number; notHelpful: number } };
