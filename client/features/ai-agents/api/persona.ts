import type { AiAgentDto } from '../../../../src/contracts/ai-agent.ts';

type Persona = Pick<AiAgentDto, 'id' | 'name' | 'active' | 'isDefault' | 'channelIds'>;

/**
 * The persona that answers a channel, as the server decides (server/ai-agent/answering-persona.ts):
 * the channel's own if active; none if its own is inactive; otherwise the active default.
 */
export const personaForChannel = <P extends Persona>(agents: readonly P[], channelId: string): P | null => {
  const own = agents.find((a) => a.channelIds.includes(channelId));
  if (own) return own.active ? own : null;
  return agents.find((a) => a.isDefault && a.active) ?? null;
};

export const ROLE_LABELS: Record<AiAgentDto['role'], string> = { SALES: 'Sales', SUPPORT: 'Support', ASSISTANT: 'Assistant' };

/** "92 % helpful · 25 ratings", or null before anyone rated. */
export const ratingSummary = ({ helpful, notHelpful }: AiAgentDto['ratings']): string | null => {
  const total = helpful + notHelpful;
  if (total === 0) return null;
  return `${Math.round((helpful / total) * 100)} % helpful · ${total} rating${total === 1 ? '' : 's'}`;
};
