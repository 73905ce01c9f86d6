import type { MessageDto } from '../../src/contracts/conversation.ts';
import type { EventDraft } from '../../src/contracts/events.ts';
import { messagePreview } from '../../src/domain/message-preview.ts';
import { messagingWindow } from '../../src/domain/messaging-window.ts';
import { templateVariableCount, fillTemplate } from '../../src/domain/template.ts';
import { AppError } from '../../src/errors.ts';
import { SEND_MESSAGE_JOB } from '../channels/send-message.job.ts';
import type { Tx } from '../db/client.ts';
import type { Conversation } from '../db/generated/client.ts';
import { maySend } from '../../src/domain/conversation-ownership.ts';
import type { Role } from '../../src/domain/roles.ts';
import { applyOwnerChange, ownerOf } from './change-owner.ts';
import type { Deps } from '../deps.ts';
import type { Prisma } from '../db/generated/client.ts';
import { writeWithEvents } from '../realtime/write-with-events.ts';
import { recordInboxFirstResponse } from '../ticket/first-response-from-inbox.ts';
import { conversationInclude, messageInclude, toConversationDto, toMessageDto } from './conversation-dto.ts';
import { conversationNotFound } from './get-conversation.ts';

type Actor = { tenantId: string; actorId: string; actorRole: Role; conversationId: string; clientMessageId?: string };

/**
 * Only the owning agent writes to the customer. Replying to a queued conversation claims it (the
 * usual "reply to take it"); an AI-owned one must be taken over first, explicitly, so the AI
 * stops for everyone to see; another agent's is refused with their name.
 */
const claimForReply = async (tx: Tx, conversation: Conversation, actor: Actor, aiOnline: boolean): Promise<EventDraft[]> => {
  const owner = ownerOf(conversation);
  if (maySend(owner, { kind: 'HUMAN', userId: actor.actorId })) return [];
  if (owner.kind === 'QUEUE') {
    const { events } = await applyOwnerChange(tx, conversation, { type: 'take_over', actorId: actor.actorId }, { id: actor.actorId, role: actor.actorRole }, aiOnline);
    return events;
  }
  if (owner.kind === 'AI') throw new AppError('INVALID_STATE', { userMessage: 'The AI agent is answering this conversation: take over first.' });
  const name = (await tx.user.findUnique({ where: { id: owner.assigneeId }, select: { name: true } }))?.name ?? 'Another agent';
  throw new AppError('FORBIDDEN', { userMessage: `${name} owns this conversation. Ask them, or a supervisor, to reassign it.` });
};

type Draft = { type: string; body: string; content: Prisma.InputJsonValue | null; replyToProviderId: string | null };

/**
 * Writes the outbound message as QUEUED (the inbox shows it as "sending" at once), then the job
 * sends it. A client id makes a retried send idempotent: the same id returns the same message.
 */
const queueOutbound = async (deps: Deps, actor: Actor, build: (tx: Tx, conversation: { channelId: string; lastInboundAt: Date | null }) => Promise<Draft>) => {
  const message = await writeWithEvents(deps, actor.tenantId, async (tx) => {
    if (actor.clientMessageId) {
      const existing = await tx.message.findUnique({ where: { id: actor.clientMessageId }, include: messageInclude });
      if (existing && existing.tenantId === actor.tenantId && existing.conversationId === actor.conversationId) {
        return { result: toMessageDto(existing), events: [] };
      }
      if (existing) throw new AppError('CONFLICT', { userMessage: 'That message id is already taken: generate a new one.' });
    }
    // Row lock: the owner cannot change between this check and the commit.
    await tx.$queryRaw`SELECT 1 FROM "Conversation" WHERE id = ${actor.conversationId}::uuid AND "tenantId" = ${actor.tenantId}::uuid FOR UPDATE`;
    const conversation = await tx.conversation.findFirst({ where: { id: actor.conversationId, tenantId: actor.tenantId } });
    if (!conversation) throw conversationNotFound();
    const claim = await claimForReply(tx, conversation, actor, deps.openai !== null);
    const draft = await build(tx, conversation);
    const now = new Date();
    const row = await tx.message.create({
      data: {
        ...(actor.clientMessageId ? { id: actor.clientMessageId } : {}),
        tenantId: actor.tenantId,
        conversationId: conversation.id,
        direction: 'OUTBOUND',
        type: draft.type,
        body: draft.body,
        content: draft.content ?? undefined,
        replyToProviderId: draft.replyToProviderId,
        status: 'QUEUED',
        senderId: actor.actorId,
        createdAt: now,
      },
      include: messageInclude,
    });
    const message = toMessageDto(row);
    const updated = await tx.conversation.update({
      where: { id: conversation.id },
      // Replying means the agent has read the thread.
      data: { lastMessageAt: now, lastMessagePreview: messagePreview(message), lastMessageDirection: 'OUTBOUND', lastMessageFromAi: false, unreadCount: 0 },
      include: conversationInclude,
    });
    const events: EventDraft[] = [...claim, { type: 'message.created', actorId: actor.actorId, payload: { message, conversation: toConversationDto(updated) } }];
    return { result: message, events };
  }, { retryOnUniqueViolation: true }); // two sends with one client id: the retry returns the first
  if (message.status === 'QUEUED') {
    await recordInboxFirstResponse(deps, { tenantId: actor.tenantId, conversationId: actor.conversationId, actorId: actor.actorId, at: new Date(message.createdAt) }).catch(
      (err: unknown) => deps.log.error({ err, conversationId: actor.conversationId }, 'recording a ticket first response failed'),
    );
    // If this enqueue is lost, the start-up reconciler finds the QUEUED row and enqueues it again.
    await deps.queue
      .enqueue(SEND_MESSAGE_JOB, { tenantId: actor.tenantId, messageId: message.id }, { jobId: message.id, attempts: 5 })
      .catch((err: unknown) => deps.log.error({ err, messageId: message.id }, 'send job enqueue failed; the reconciler will retry'));
  }
  return message;
};

export const sendText = (deps: Deps, actor: Actor & { body: string; replyToMessageId?: string }): Promise<MessageDto> =>
  queueOutbound(deps, actor, async (tx, conversation) => {
    if (!messagingWindow(conversation.lastInboundAt, new Date()).open) {
      throw new AppError('INVALID_STATE', {
        userMessage: 'The 24-hour window has closed: WhatsApp allows only approved templates until the customer writes again.',
      });
    }
    let replyToProviderId: string | null = null;
    if (actor.replyToMessageId) {
      const target = await tx.message.findFirst({ where: { id: actor.replyToMessageId, tenantId: actor.tenantId, conversationId: actor.conversationId } });
      if (!target) throw new AppError('NOT_FOUND', { userMessage: 'The message you are replying to no longer exists.' });
      replyToProviderId = target.providerMessageId;
    }
    return { type: 'text', body: actor.body, content: null, replyToProviderId };
  });

export const sendTemplate = (deps: Deps, actor: Actor & { templateId: string; variables: string[] }): Promise<MessageDto> =>
  queueOutbound(deps, actor, async (tx, conversation) => {
    const template = await tx.messageTemplate.findFirst({ where: { id: actor.templateId, tenantId: actor.tenantId } });
    if (!template) throw new AppError('NOT_FOUND', { userMessage: 'Template not found.' });
    if (template.channelId !== conversation.channelId) {
      throw new AppError('INVALID_INPUT', { userMessage: 'That template belongs to another channel.' });
    }
    const expected = templateVariableCount(template.body);
    if (actor.variables.length !== expected) {
      throw new AppError('INVALID_INPUT', { userMessage: `This template needs ${expected} variable${expected === 1 ? '' : 's'}.` });
    }
    return {
      type: 'template',
      body: fillTemplate(template.body, actor.variables),
      content: { kind: 'template', name: template.name, language: template.language, variables: actor.variables },
      replyToProviderId: null,
    };
  });
