import { z } from 'zod';
import type { MessageContent } from '../../src/contracts/conversation.ts';
import type { EventDraft } from '../../src/contracts/events.ts';
import type { Deps } from '../deps.ts';
import { messageInclude, toMessageDto } from '../conversation/conversation-dto.ts';
import { writeWithEvents } from '../realtime/write-with-events.ts';
import { lockIfAiOwns } from '../ai-agent/escalate.ts';
import { openSecrets, type CloudSecrets, type TwilioSecrets } from './channel-secrets.ts';
import { webhookPath } from './channel-dto.ts';
import { applyBacklog, lockProviderMessage } from './ingest.ts';
import type { OutboundPayload, SendOutcome } from './provider-send.ts';
import { sendThroughTwilio } from './twilio/twilio-client.ts';
import { sendThroughGraph } from './whatsapp/graph-client.ts';

export const SEND_MESSAGE_JOB = 'whatsapp.send-message';
const ZSendPayload = z.object({ tenantId: z.uuid(), messageId: z.uuid() });

class RetryableSendError extends Error {}

/**
 * The send-side fence for AI messages: claimed (and so sent) only while the AI still owns the
 * conversation under the version the reply was written with, checked under the row lock. After
 * a takeover the message is cancelled and its text becomes a draft for the human.
 */
const claimAiMessage = (deps: Deps, tenantId: string, messageId: string): Promise<boolean> =>
  writeWithEvents(deps, tenantId, async (tx) => {
    const message = await tx.message.findFirstOrThrow({ where: { id: messageId, tenantId } });
    const owned = await lockIfAiOwns(tx, tenantId, message.conversationId, message.fenceVersion ?? -1);
    const now = new Date();
    if (!owned) {
      const cancelled = await tx.message.update({
        where: { id: messageId },
        data: { status: 'FAILED', errorCode: 'taken_over', errorTitle: 'Not sent: a person took over the conversation', failedAt: now },
        include: messageInclude,
      });
      const draft = await tx.aiDraft.create({
        data: { tenantId, conversationId: message.conversationId, aiAgentId: message.aiAgentId, body: message.body, origin: 'cancelled_reply' },
      });
      const events: EventDraft[] = [
        { type: 'message.updated', actorId: null, payload: { message: toMessageDto(cancelled) } },
        { type: 'draft.created', actorId: null, payload: { draft: { id: draft.id, conversationId: draft.conversationId, body: draft.body, origin: draft.origin, createdAt: draft.createdAt.toISOString() } } },
      ];
      return { result: false, events };
    }
    if (message.claimedAt) return { result: true, events: [] };
    const claimed = await tx.message.update({ where: { id: messageId }, data: { claimedAt: now }, include: messageInclude });
    return { result: true, events: [{ type: 'message.updated', actorId: null, payload: { message: toMessageDto(claimed) } }] };
  });

/**
 * Sends one QUEUED message through its channel's provider. The job id is the message id and a
 * message with a provider id is never sent again, so retries and duplicate enqueues are safe.
 * 429/5xx/network failures retry with backoff; other failures, or the last attempt, end FAILED
 * with the provider's reason, live for every viewer.
 */
export const sendMessageJob =
  (deps: Deps) =>
  async (raw: unknown, { attempt, maxAttempts }: { attempt: number; maxAttempts: number }): Promise<void> => {
    const { tenantId, messageId } = ZSendPayload.parse(raw);
    const message = await deps.db.message.findFirst({
      where: { id: messageId, tenantId },
      include: { conversation: { include: { contact: true, channel: true } } },
    });
    if (!message || message.status !== 'QUEUED' || message.providerMessageId) return;
    if (message.aiAgentId !== null && !(await claimAiMessage(deps, tenantId, messageId))) return;
    const { channel, contact } = message.conversation;
    const content = message.content as MessageContent | null;
    // Contacts became editable in the CRM; one whose number was removed cannot be messaged.
    const to = contact.phone ?? '';
    const payload: OutboundPayload =
      content?.kind === 'template'
        ? { kind: 'template', to, name: content.name, language: content.language, variables: content.variables }
        : { kind: 'text', to, body: message.body, replyToProviderId: message.replyToProviderId };
    const secrets = openSecrets(deps.secrets, channel.secrets);
    const outcome: SendOutcome = !contact.phone
      ? { ok: false, retryable: false, code: 'no_phone', title: 'The contact has no phone number' }
      : channel.provider === 'WHATSAPP_CLOUD'
        ? await sendThroughGraph(channel, secrets as CloudSecrets, payload, deps.config.providerUrlPolicy)
        : await sendThroughTwilio(channel, secrets as TwilioSecrets, payload, deps.config.publicUrl ? `${deps.config.publicUrl}${webhookPath(channel)}` : null, deps.config.providerUrlPolicy);

    if (!outcome.ok && outcome.retryable && attempt < maxAttempts) {
      deps.log.warn({ tenantId, messageId, attempt, code: outcome.code }, 'provider send failed; retrying');
      throw new RetryableSendError(`${outcome.code}: ${outcome.title}`);
    }
    await writeWithEvents(deps, tenantId, async (tx) => {
      if (outcome.ok) await lockProviderMessage(tx, tenantId, outcome.providerMessageId);
      const now = new Date();
      const { count } = await tx.message.updateMany({
        where: { id: messageId, status: 'QUEUED', providerMessageId: null },
        data: outcome.ok
          ? { status: 'SENT', providerMessageId: outcome.providerMessageId, sentAt: now }
          : { status: 'FAILED', errorCode: outcome.code, errorTitle: outcome.title, failedAt: now },
      });
      if (count === 0) return { result: undefined, events: [] };
      const updated = await tx.message.findUniqueOrThrow({ where: { id: messageId }, include: messageInclude });
      const events: EventDraft[] = [{ type: 'message.updated', actorId: null, payload: { message: toMessageDto(updated) } }];
      if (outcome.ok) events.push(...(await applyBacklog(tx, tenantId, outcome.providerMessageId)));
      return { result: undefined, events };
    });
    deps.log.info({ tenantId, messageId, ok: outcome.ok, ...(outcome.ok ? {} : { code: outcome.code }) }, 'message send finished');
  };
