/** What the AI is told: the persona's prompts, who it is talking to, and the thread so far. */
export type PersonaPrompt = {
  name: string;
  role: 'SALES' | 'SUPPORT' | 'ASSISTANT';
  personalityPrompt: string;
  knowledgePrompt: string;
  objectivesPrompt: string;
};
export type HistoryMessage = { direction: 'INBOUND' | 'OUTBOUND'; body: string; fromAi: boolean };
export type ChatMessage = { role: 'system' | 'user' | 'assistant'; content: string };

const ROLE_LINE: Record<PersonaPrompt['role'], string> = {
  SALES: 'You are a sales agent',
  SUPPORT: 'You are a customer support agent',
  ASSISTANT: 'You are an assistant',
};

export const HANDOFF_TOOL = 'handoff_to_human';

export const buildChatMessages = (
  persona: PersonaPrompt,
  contact: { name: string; phone: string | null },
  history: HistoryMessage[],
): ChatMessage[] => {
  const system = [
    `${ROLE_LINE[persona.role]} named ${persona.name}, answering customers on WhatsApp.`,
    persona.personalityPrompt,
    persona.knowledgePrompt && `What you know about the business:\n${persona.knowledgePrompt}`,
    persona.objectivesPrompt && `Your objectives:\n${persona.objectivesPrompt}`,
    `The customer is ${contact.name || 'unknown by name'} (${contact.phone ?? 'no phone on file'}).`,
    `Reply briefly, in the customer's language. If you cannot help, or your rules say a person should take over, call ${HANDOFF_TOOL} with the reason instead of replying.`,
  ]
    .filter(Boolean)
    .join('\n\n');
  const turns: ChatMessage[] = history
    .filter((m) => m.body.trim() !== '')
    .map((m) => (m.direction === 'INBOUND' ? { role: 'user', content: m.body } : { role: 'assistant', content: m.fromAi ? m.body : `[a human teammate wrote] ${m.body}` }));
  return [{ role: 'system', content: system }, ...turns];
};
