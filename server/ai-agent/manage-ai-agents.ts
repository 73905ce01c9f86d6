import type { AiAgentDto } from '../../src/contracts/ai-agent.ts';
import type { ZAiAgentFields } from '../../src/contracts/ai-agent.ts';
import type { z } from 'zod';
import { AppError } from '../../src/errors.ts';
import type { Tx } from '../db/client.ts';
import type { AiAgent } from '../db/generated/client.ts';
import type { Deps } from '../deps.ts';
import type { EventDraft } from '../../src/contracts/events.ts';
import { writeWithEvents } from '../realtime/write-with-events.ts';

type Fields = z.infer<typeof ZAiAgentFields>;

const toDto = (a: AiAgent & { channels: Array<{ id: string }> }, ratings = { helpful: 0, notHelpful: 0 }): AiAgentDto => ({
  id: a.id,
  name: a.name,
  role: a.role,
  personalityPrompt: a.personalityPrompt,
  knowledgePrompt: a.knowledgePrompt,
  objectivesPrompt: a.objectivesPrompt,
  model: a.model,
  temperature: a.temperature,
  active: a.active,
  isDefault: a.isDefault,
  channelIds: a.channels.map((c) => c.id),
  createdAt: a.createdAt.toISOString(),
  ratings,
});

const withChannels = { channels: { select: { id: true } } } as const;

const save = async (tx: Tx, tenantId: string, id: string, { channelIds, ...fields }: Fields) => {
  const owned = await tx.channel.count({ where: { tenantId, id: { in: channelIds } } });
  if (owned !== new Set(channelIds).size) throw new AppError('NOT_FOUND', { userMessage: 'Channel not found.' });
  // One default per workspace: choosing this one unsets the others in the same transaction.
  if (fields.isDefault) await tx.aiAgent.updateMany({ where: { tenantId, isDefault: true, id: { not: id } }, data: { isDefault: false } });
  await tx.channel.updateMany({ where: { tenantId, aiAgentId: id, id: { notIn: channelIds } }, data: { aiAgentId: null } });
  await tx.channel.updateMany({ where: { tenantId, id: { in: channelIds } }, data: { aiAgentId: id } });
  return toDto(await tx.aiAgent.update({ where: { id }, data: fields, include: withChannels }));
};

export const listAiAgents = async (deps: Deps, { tenantId }: { tenantId: string }): Promise<AiAgentDto[]> => {
  const [agents, counts] = await Promise.all([
    deps.db.aiAgent.findMany({ where: { tenantId }, orderBy: { createdAt: 'asc' }, include: withChannels }),
    deps.db.aiRating.groupBy({ by: ['aiAgentId', 'helpful'], where: { tenantId }, _count: { _all: true } }),
  ]);
  const ratingsOf = (id: string) => ({
    helpful: counts.find((c) => c.aiAgentId === id && c.helpful)?._count._all ?? 0,
    notHelpful: counts.find((c) => c.aiAgentId === id && !c.helpful)?._count._all ?? 0,
  });
  return agents.map((a) => toDto(a, ratingsOf(a.id)));
};

const changed = (aiAgentId: string): EventDraft[] => [{ type: 'ai_agent.changed', actorId: null, payload: { aiAgentId } }];

export const createAiAgent = (deps: Deps, { tenantId, ...input }: Fields & { tenantId: string }): Promise<AiAgentDto> =>
  writeWithEvents(deps, tenantId, async (tx) => {
    const { channelIds, ...fields } = input;
    const created = await tx.aiAgent.create({ data: { ...fields, tenantId } });
    const dto = await save(tx, tenantId, created.id, { ...fields, channelIds });
    return { result: dto, events: changed(dto.id) };
  });

export const updateAiAgent = (deps: Deps, { tenantId, aiAgentId, ...input }: Fields & { tenantId: string; aiAgentId: string }): Promise<AiAgentDto> =>
  writeWithEvents(deps, tenantId, async (tx) => {
    if (!(await tx.aiAgent.findFirst({ where: { id: aiAgentId, tenantId } }))) throw new AppError('NOT_FOUND', { userMessage: 'AI agent not found.' });
    return { result: await save(tx, tenantId, aiAgentId, input), events: changed(aiAgentId) };
  });

export const deleteAiAgent = (deps: Deps, { tenantId, aiAgentId }: { tenantId: string; aiAgentId: string }): Promise<void> =>
  writeWithEvents(deps, tenantId, async (tx) => {
    const { count } = await tx.aiAgent.deleteMany({ where: { id: aiAgentId, tenantId } });
    if (count === 0) throw new AppError('NOT_FOUND', { userMessage: 'AI agent not found.' });
    return { result: undefined, events: changed(aiAgentId) };
  });
