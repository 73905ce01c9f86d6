import { buildChatMessages } from '../../src/domain/ai-prompt.ts';
import { AppError } from '../../src/errors.ts';
import type { Deps } from '../deps.ts';
import { writeWithEvents } from '../realtime/write-with-events.ts';
import { answeringPersona } from './answering-persona.ts';

export type SuggestionChunk = { kind: 'token'; text: string } | { kind: 'done'; draftId: string; body: string };

const HISTORY = 30;

/**
 * "Suggest reply": streams the persona's draft token by token to the agent who asked, over their
 * WebSocket subscription, then keeps it as a draft. Only for conversations a person owns; the
 * AI never sends it.
 */
export async function* suggestReply(
  deps: Deps,
  { tenantId, actorId, conversationId, signal }: { tenantId: string; actorId: string; conversationId: string; signal: AbortSignal },
): AsyncGenerator<SuggestionChunk> {
  const conversation = await deps.db.conversation.findFirst({ where: { id: conversationId, tenantId }, include: { contact: true } });
  if (!conversation) throw new AppError('NOT_FOUND', { userMessage: 'Conversation not found.' });
  if (conversation.owner !== 'HUMAN' || conversation.assigneeId !== actorId) {
    throw new AppError('INVALID_STATE', { userMessage: 'Take over the conversation to get suggested replies.' });
  }
  if (!deps.openai) throw new AppError('INVALID_STATE', { userMessage: 'The AI is offline: no OpenAI API key is configured.' });
  const persona = await answeringPersona(deps.db, tenantId, conversation.channelId);
  if (!persona) throw new AppError('INVALID_STATE', { userMessage: 'No active AI agent answers this channel.' });
  const history = (
    await deps.db.message.findMany({ where: { tenantId, conversationId, isNote: false, NOT: { direction: 'OUTBOUND', status: 'FAILED' } }, orderBy: { createdAt: 'desc' }, take: HISTORY })
  ).reverse();
  const stream = await deps.openai.chat.completions.create(
    {
      model: persona.model,
      temperature: persona.temperature,
      stream: true,
      messages: buildChatMessages(persona, conversation.contact, history.map((m) => ({ direction: m.direction, body: m.body, fromAi: m.aiAgentId !== null }))),
    },
    { signal },
  );
  let body = '';
  for await (const chunk of stream) {
    const text = chunk.choices[0]?.delta?.content;
    if (!text) continue;
    body += text;
    yield { kind: 'token', text };
  }
  const draft = await writeWithEvents(deps, tenantId, async (tx) => {
    const row = await tx.aiDraft.create({ data: { tenantId, conversationId, aiAgentId: persona.id, body, origin: 'suggestion' } });
    const dto = { id: row.id, conversationId, body, origin: row.origin, createdAt: row.createdAt.toISOString() };
    return { result: dto, events: [{ type: 'draft.created', actorId, payload: { draft: dto } }] };
  });
  yield { kind: 'done', draftId: draft.id, body };
}
