import { AppError } from '../../src/errors.ts';
import type { Deps } from '../deps.ts';

/** An agent's rating of an AI message (one per agent and message; rating again replaces it). */
export const rateAiMessage = async (
  deps: Deps,
  { tenantId, actorId, messageId, helpful, correction }: { tenantId: string; actorId: string; messageId: string; helpful: boolean; correction?: string },
): Promise<{ helpful: boolean; correction: string }> => {
  const message = await deps.db.message.findFirst({ where: { id: messageId, tenantId }, select: { aiAgentId: true } });
  if (!message) throw new AppError('NOT_FOUND', { userMessage: 'Message not found.' });
  if (!message.aiAgentId) throw new AppError('INVALID_INPUT', { userMessage: 'Only AI messages can be rated.' });
  const rating = await deps.db.aiRating.upsert({
    where: { messageId_userId: { messageId, userId: actorId } },
    create: { tenantId, messageId, aiAgentId: message.aiAgentId, userId: actorId, helpful, correction: correction ?? '' },
    update: { helpful, correction: correction ?? '' },
  });
  return { helpful: rating.helpful, correction: rating.correction };
};
