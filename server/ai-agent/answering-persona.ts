import type { Tx } from '../db/client.ts';
import type { AiAgent } from '../db/generated/client.ts';
import type { Db } from '../db/client.ts';

/**
 * The persona that answers a channel: its own, if active, else the workspace default, if active.
 * Null means no AI: conversations go to the queue and wait for a human. Without an OpenAI key
 * (`aiOnline` false) no persona answers.
 */
export const answeringPersona = async (db: Db | Tx, tenantId: string, channelId: string, aiOnline = true): Promise<AiAgent | null> => {
  if (!aiOnline) return null;
  const channel = await db.channel.findFirst({ where: { id: channelId, tenantId }, include: { aiAgent: true } });
  if (channel?.aiAgent?.active) return channel.aiAgent;
  if (channel?.aiAgentId) return null;
  return db.aiAgent.findFirst({ where: { tenantId, isDefault: true, active: true } });
};
