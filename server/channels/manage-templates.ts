import type { TemplateDto } from '../../src/contracts/conversation.ts';
import { templateVariableCount } from '../../src/domain/template.ts';
import { AppError } from '../../src/errors.ts';
import type { Deps } from '../deps.ts';
import { Prisma, type MessageTemplate } from '../db/generated/client.ts';
import { writeWithEvents } from '../realtime/write-with-events.ts';

const toTemplateDto = (t: MessageTemplate): TemplateDto => ({
  id: t.id,
  channelId: t.channelId,
  name: t.name,
  language: t.language,
  category: t.category,
  body: t.body,
  variableCount: templateVariableCount(t.body),
});

export const requireChannel = async (deps: Deps, tenantId: string, channelId: string): Promise<void> => {
  const channel = await deps.db.channel.findFirst({ where: { id: channelId, tenantId }, select: { id: true } });
  if (!channel) throw new AppError('NOT_FOUND', { userMessage: 'Channel not found.' });
};

export const listTemplates = async (deps: Deps, { tenantId, channelId }: { tenantId: string; channelId: string }): Promise<TemplateDto[]> => {
  await requireChannel(deps, tenantId, channelId);
  const rows = await deps.db.messageTemplate.findMany({ where: { tenantId, channelId }, orderBy: [{ name: 'asc' }, { language: 'asc' }] });
  return rows.map(toTemplateDto);
};

export const createTemplate = async (
  deps: Deps,
  { tenantId, channelId, name, language, category, body }: { tenantId: string; channelId: string; name: string; language: string; category: string; body: string },
): Promise<TemplateDto> => {
  await requireChannel(deps, tenantId, channelId);
  try {
    return await writeWithEvents(deps, tenantId, async (tx) => ({
      result: toTemplateDto(await tx.messageTemplate.create({ data: { tenantId, channelId, name, language, category, body } })),
      events: [{ type: 'channel.templates_changed', actorId: null, payload: { channelId } }],
    }));
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') {
      throw new AppError('CONFLICT', { userMessage: `A template ${name} (${language}) already exists on this channel.` });
    }
    throw err;
  }
};

export const deleteTemplate = (deps: Deps, { tenantId, templateId }: { tenantId: string; templateId: string }): Promise<void> =>
  writeWithEvents(deps, tenantId, async (tx) => {
    const template = await tx.messageTemplate.findFirst({ where: { id: templateId, tenantId } });
    if (!template) throw new AppError('NOT_FOUND', { userMessage: 'Template not found.' });
    await tx.messageTemplate.delete({ where: { id: template.id } });
    return { result: undefined, events: [{ type: 'channel.templates_changed', actorId: null, payload: { channelId: template.channelId } }] };
  });
