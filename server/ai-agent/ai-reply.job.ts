import { z } from 'zod';
import { buildChatMessages, HANDOFF_TOOL } from '../../src/domain/ai-prompt.ts';
import { asksForHuman } from '../../src/domain/handoff.ts';
import { messagePreview } from '../../src/domain/message-preview.ts';
import type { EventDraft } from '../../src/contracts/events.ts';
import { SEND_MESSAGE_JOB } from '../channels/send-message.job.ts';
import { conversationInclude, messageInclude, toConversationDto, toMessageDto } from '../conversation/conversation-dto.ts';
import type { Deps } from '../deps.ts';
import { writeWithEvents } from '../realtime/write-with-events.ts';
import { answeringPersona } from './answering-persona.ts';
import { AI_REPLY_JOB } from './schedule-ai-reply.ts';
import { escalateToQueue, lockIfAiOwns } from './escalate.ts';

const ZPayload = z.object({ tenantId: z.uuid(), conversationId: z.uuid(), ownerVersion: z.number().int().min(0) });
const HISTORY = 30;
/** How often one job starts over because the customer kept writing during generation. */
const MAX_REGENERATIONS = 3;

const tools = [
  {
    type: 'function' as const,
    function: {
      name: HANDOFF_TOOL,
      description: 'Hand the conversation to a human agent when you cannot or should not answer.',
      parameters: { type: 'object', properties: { reason: { type: 'string', description: 'Why a person should take over' } }, required: ['reason'] },
    },
  },
];

type Completion = { kind: 'text'; text: string } | { kind: 'handoff'; reason: string };

/**
 * Writes the AI's reply, fenced: only while the AI still owns the conversation under the
 * version the job was enqueued with, checked under the conversation's row lock, so a takeover
 * either commits before (and this writes nothing) or waits for this commit. A fenced-out reply
 * becomes a draft for the human instead.
 */
const writeFencedReply = (deps: Deps, p: z.infer<typeof ZPayload>, aiAgentId: string, text: string, seenUntil: Date) =>
  writeWithEvents(deps, p.tenantId, async (tx): Promise<{ result: string | null | 'unseen'; events: EventDraft[] }> => {
    const conversation = await lockIfAiOwns(tx, p.tenantId, p.conversationId, p.ownerVersion);
    // The customer wrote again while the AI was thinking: answer everything, not a stale turn.
    const unseen = conversation
      ? await tx.message.count({ where: { tenantId: p.tenantId, conversationId: p.conversationId, direction: 'INBOUND', createdAt: { gt: seenUntil } } })
      : 0;
    if (unseen > 0) return { result: 'unseen', events: [] };
    if (!conversation) {
      const draft = await tx.aiDraft.create({ data: { tenantId: p.tenantId, conversationId: p.conversationId, aiAgentId, body: text, origin: 'cancelled_reply' } });
      const events: EventDraft[] = [
        { type: 'draft.created', actorId: null, payload: { draft: { id: draft.id, conversationId: draft.conversationId, body: draft.body, origin: draft.origin, createdAt: draft.createdAt.toISOString() } } },
      ];
      return { result: null, events };
    }
    const now = new Date();
    const row = await tx.message.create({
      data: { tenantId: p.tenantId, conversationId: p.conversationId, direction: 'OUTBOUND', type: 'text', body: text, status: 'QUEUED', aiAgentId, fenceVersion: p.ownerVersion, createdAt: now },
      include: messageInclude,
    });
    const message = toMessageDto(row);
    const updated = await tx.conversation.update({
      where: { id: conversation.id },
      data: { lastMessageAt: now, lastMessagePreview: messagePreview(message), lastMessageDirection: 'OUTBOUND', lastMessageFromAi: true },
      include: conversationInclude,
    });
    return { result: message.id, events: [{ type: 'message.created', actorId: null, payload: { message, conversation: toConversationDto(updated) } }] };
  });

export const aiReplyJob =
  (deps: Deps) =>
  async (raw: unknown, { attempt, maxAttempts }: { attempt: number; maxAttempts: number }): Promise<void> => {
    const p = ZPayload.parse(raw);
    const conversation = await deps.db.conversation.findFirst({ where: { id: p.conversationId, tenantId: p.tenantId }, include: { contact: true } });
    if (!conversation || conversation.owner !== 'AI' || conversation.ownerVersion !== p.ownerVersion) return;
    const escalate = (reason: string) => escalateToQueue(deps, { ...p, reason });

    const persona = await answeringPersona(deps.db, p.tenantId, conversation.channelId);
    if (!persona) return void (await escalate('No active AI agent answers this channel'));

    for (let round = 0; round <= MAX_REGENERATIONS; round++) {
      const history = (
        await deps.db.message.findMany({
          // What the customer actually saw: no notes, no sends that failed or were cut off.
          where: { tenantId: p.tenantId, conversationId: p.conversationId, isNote: false, NOT: { direction: 'OUTBOUND', status: 'FAILED' } },
          orderBy: { createdAt: 'desc' },
          take: HISTORY,
        })
      ).reverse();
      const lastInbound = history.findLast((m) => m.direction === 'INBOUND');
      if (!lastInbound || history.at(-1)?.direction !== 'INBOUND') return; // already answered
      if (asksForHuman(lastInbound.body)) return void (await escalate('The customer asked for a person'));
      if (!deps.openai) return void (await escalate('The AI is offline (no OpenAI API key configured)'));

      let completion: Completion;
      try {
        completion = await complete(deps, persona, conversation.contact, history);
      } catch (err) {
        const reason = err instanceof Error ? err.message : String(err);
        if (attempt < maxAttempts) throw err;
        return void (await escalate(`The AI failed after ${attempt} attempts: ${reason}`));
      }
      if (completion.kind === 'handoff') return void (await escalate(completion.reason));
      if (!completion.text.trim()) return void (await escalate('The AI returned an empty reply'));

      const written = await writeFencedReply(deps, p, persona.id, completion.text.trim(), lastInbound.createdAt);
      if (written === 'unseen') continue;
      if (written) await deps.queue.enqueue(SEND_MESSAGE_JOB, { tenantId: p.tenantId, messageId: written }, { jobId: written, attempts: 5 });
      return;
    }
    // Still being written to after several rounds: try again shortly with everything there by then.
    deps.log.info({ tenantId: p.tenantId, conversationId: p.conversationId }, 'AI reply deferred: the customer keeps writing');
    await deps.queue.enqueue(AI_REPLY_JOB, p, { jobId: `${p.conversationId}.${p.ownerVersion}.deferred.${Date.now()}`, delayMs: deps.config.aiDebounceMs, attempts: 3 });
  };

/** Streams a chat completion through the official SDK; a handoff tool call wins over any text. */
const complete = async (
  deps: Deps,
  persona: NonNullable<Awaited<ReturnType<typeof answeringPersona>>>,
  contact: { name: string; phone: string | null },
  history: Array<{ direction: 'INBOUND' | 'OUTBOUND'; body: string; aiAgentId: string | null }>,
): Promise<Completion> => {
  const stream = await deps.openai!.chat.completions.create({
    model: persona.model,
    temperature: persona.temperature,
    stream: true,
    tools,
    messages: buildChatMessages(persona, contact, history.map((m) => ({ direction: m.direction, body: m.body, fromAi: m.aiAgentId !== null }))),
  });
  let text = '';
  let toolName = '';
  let toolArgs = '';
  for await (const chunk of stream) {
    const delta = chunk.choices[0]?.delta;
    if (delta?.content) text += delta.content;
    for (const call of delta?.tool_calls ?? []) {
      if (call.function?.name) toolName = call.function.name;
      if (call.function?.arguments) toolArgs += call.function.arguments;
    }
  }
  if (toolName === HANDOFF_TOOL) {
    const reason = z.object({ reason: z.string() }).safeParse(JSON.parse(toolArgs || '{}'));
    return { kind: 'handoff', reason: reason.success && reason.data.reason ? reason.data.reason : 'The AI asked for a person' };
  }
  return { kind: 'text', text };
};
