import { randomUUID } from 'node:crypto';
import type { EventDraft, TenantEvent } from '../../src/contracts/events.ts';
import { messagePreview } from '../../src/domain/message-preview.ts';
import { inboundMessageTime } from '../../src/domain/inbound-time.ts';
import { nextMessageStatus, type MessageStatus } from '../../src/domain/message-status.ts';
import type { Tx } from '../db/client.ts';
import type { Deps } from '../deps.ts';
import type { Message, Prisma } from '../db/generated/client.ts';
import { conversationInclude, messageInclude, toConversationDto, toMessageDto } from '../conversation/conversation-dto.ts';
import { contactInclude, toContactDto } from '../contact/contact-dto.ts';
import { writeWithEventsGrouped } from '../realtime/grouped-write.ts';
import type { StatementWrite } from '../realtime/write-with-events.ts';
import { storeInboundHot, storeInboundHotWithEvent, touchConversationForInbound, type HotInbound, type HotInboundResult } from './ingest-sql.ts';
import type { InboundMessage, StatusUpdate } from './inbound.ts';
import { answeringPersona } from '../ai-agent/answering-persona.ts';
import { scheduleAiReply } from '../ai-agent/schedule-ai-reply.ts';
import { reopenOnCustomerReply } from '../ticket/reopen-on-customer-reply.ts';

export type IngestResult = { created: number; duplicates: number; statusesApplied: number; statusesDeferred: number };
/**
 * `aiOwed`: conversations the AI owns that received new customer messages and so owe a reply.
 * `reopen`: conversations whose pending tickets the new messages answer.
 */
export type IngestOutcome = IngestResult & { aiOwed: string[]; reopen: string[] };

/** Every string in a JSON value without NUL characters (a string's own text is never reparsed). */
const stripNul = (value: unknown): unknown => {
  if (typeof value === 'string') return value.replaceAll('\u0000', '');
  if (Array.isArray(value)) return value.map(stripNul);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [stripNul(k), stripNul(v)]));
  return value;
};

/** PostgreSQL text and jsonb refuse NUL characters; a provider payload carrying one must still store. */
const withoutNul = (m: InboundMessage): InboundMessage => ({
  ...m,
  body: m.body.replaceAll('\u0000', ''),
  profileName: m.profileName?.replaceAll('\u0000', '') ?? null,
  content: m.content ? (stripNul(m.content) as InboundMessage['content']) : null,
});

/**
 * The sender's contact: the same record the CRM shows. A first message creates it (source
 * WHATSAPP, stage NEW) with its first stage change, so its timeline starts with "Created as New"
 * like any other lead's, and a `contact.created` event puts it in open contact lists. No cadence
 * tasks: a customer writing in is answered in the inbox, not chased. Two first messages racing
 * meet the (tenantId, phone) unique index; the transaction's retry finds the committed row.
 */
const senderContact = async (
  tx: Tx,
  tenantId: string,
  m: InboundMessage,
  known: { id: string; name: string; waId: string | null } | null,
): Promise<{ id: string; name: string; created: EventDraft | null }> => {
  if (known) {
    const name = m.profileName && m.profileName !== known.name ? { name: m.profileName } : {};
    const waId = m.waId && m.waId !== known.waId ? { waId: m.waId } : {};
    if (Object.keys(name).length + Object.keys(waId).length > 0) await tx.contact.update({ where: { id: known.id }, data: { ...name, ...waId } });
    return { id: known.id, name: name.name ?? known.name, created: null };
  }
  const now = new Date();
  const row = await tx.contact.create({
    data: { tenantId, phone: m.from, name: m.profileName ?? '', waId: m.waId, source: 'WHATSAPP', stage: 'NEW', createdAt: now },
    include: contactInclude,
  });
  await tx.contactStageChange.create({ data: { tenantId, contactId: row.id, fromStage: null, toStage: 'NEW', actorId: null, createdAt: now } });
  return { id: row.id, name: row.name, created: { type: 'contact.created', actorId: null, payload: { contact: toContactDto(row) } } };
};

/** `pendingTicket`: the conversation has a ticket waiting on the customer (reopened after commit). */
type Stored = { drafts: EventDraft[]; aiOwned: boolean; conversationId: string; pendingTicket: boolean };

const emptyOutcome = (): IngestOutcome => ({ created: 0, duplicates: 0, statusesApplied: 0, statusesDeferred: 0, aiOwed: [], reopen: [] });

/** Counts one inbound message into `outcome`: stored, or (null) a duplicate. */
const countMessage = (outcome: IngestOutcome, stored: Stored | null): void => {
  if (!stored) {
    outcome.duplicates++;
    return;
  }
  outcome.created++;
  if (stored.aiOwned && !outcome.aiOwed.includes(stored.conversationId)) outcome.aiOwed.push(stored.conversationId);
  if (stored.pendingTicket && !outcome.reopen.includes(stored.conversationId)) outcome.reopen.push(stored.conversationId);
};

const storedEvents = (conversation: Parameters<typeof toConversationDto>[0], message: Message, contactCreated: EventDraft | null, pendingTicket = false): Stored => ({
  pendingTicket,
  drafts: [
    ...(contactCreated ? [contactCreated] : []),
    { type: 'message.created', actorId: null, payload: { message: toMessageDto({ ...message, sender: null }), conversation: toConversationDto(conversation) } },
  ],
  aiOwned: conversation.owner === 'AI',
  conversationId: conversation.id,
});

/** The row an inbound message is stored as: what we insert, and the schema's defaults for the rest. */
const inboundRow = (tenantId: string, conversationId: string, id: string, m: InboundMessage, at: Date): Message => ({
  id,
  tenantId,
  conversationId,
  direction: 'INBOUND',
  type: m.type,
  body: m.body,
  content: m.content as Prisma.JsonValue,
  providerMessageId: m.providerMessageId,
  replyToProviderId: m.replyToProviderId,
  status: 'RECEIVED',
  errorCode: null,
  errorTitle: null,
  senderId: null,
  aiAgentId: null,
  fenceVersion: null,
  isNote: false,
  claimedAt: null,
  sentAt: null,
  deliveredAt: null,
  readAt: null,
  failedAt: null,
  createdAt: at,
});

/** One attempt's reading of an inbound message: cleaned, with its preview, time and new id (a retry draws again). */
const prepareInbound = (tenantId: string, channelId: string, raw: InboundMessage) => {
  const m = withoutNul(raw);
  const preview = messagePreview(m);
  const at = inboundMessageTime(m.timestamp, new Date());
  const id = randomUUID();
  const hot: HotInbound = {
    tenantId,
    channelId,
    phone: m.from,
    profileName: m.profileName || null,
    waId: m.waId || null,
    message: { id, type: m.type, body: m.body, content: m.content, providerMessageId: m.providerMessageId, replyToProviderId: m.replyToProviderId, at },
    preview,
  };
  return { m, preview, at, id, hot };
};

/** The events of a hot store, from what the statement returned: the same objects the full path builds. */
const hotStored = (tenantId: string, m: InboundMessage, id: string, at: Date, hot: Extract<HotInboundResult, { kind: 'stored' }>): Stored => {
  const conversation = { ...hot.conversation, contact: { id: hot.contact.id, name: hot.contact.name, phone: m.from } };
  return storedEvents(conversation, inboundRow(tenantId, conversation.id, id, m, at), null, hot.pendingTicket);
};

const storeInbound = async (tx: Tx, tenantId: string, channelId: string, raw: InboundMessage, aiOnline: boolean): Promise<Stored | null> => {
  const { m, preview, at, id, hot: inbound } = prepareInbound(tenantId, channelId, raw);
  const hot = await storeInboundHot(tx, inbound);
  if (hot.kind === 'duplicate') return null;
  if (hot.kind === 'stored') return hotStored(tenantId, m, id, at, hot);

  // A first message, a new conversation, or a contact whose name or WhatsApp id changed.
  const contact = await senderContact(tx, tenantId, m, hot.contact);
  const touched = await touchConversationForInbound(tx, { tenantId, channelId, contactId: contact.id, at, preview });
  const conversation = touched
    ? { ...touched.conversation, contact: { id: contact.id, name: contact.name, phone: m.from } }
    : await tx.conversation.create({
        data: {
          tenantId,
          channelId,
          contactId: contact.id,
          // A channel with an active persona is answered by the AI first; otherwise a human must.
          owner: (await answeringPersona(tx, tenantId, channelId, aiOnline)) ? 'AI' : 'QUEUE',
          unreadCount: 1,
          lastInboundAt: at,
          lastMessageAt: at,
          lastMessagePreview: preview,
          lastMessageDirection: 'INBOUND',
        },
        include: conversationInclude,
      });
  const message = await tx.message.create({
    data: {
      id,
      tenantId,
      conversationId: conversation.id,
      direction: 'INBOUND',
      type: m.type,
      body: m.body,
      content: (m.content ?? undefined) as Prisma.InputJsonValue | undefined,
      providerMessageId: m.providerMessageId,
      replyToProviderId: m.replyToProviderId,
      status: 'RECEIVED',
      createdAt: at,
    },
  });
  return storedEvents(conversation, message, contact.created, touched?.pendingTicket ?? false);
};

const timestampField: Record<StatusUpdate['status'], 'sentAt' | 'deliveredAt' | 'readAt' | 'failedAt'> = {
  SENT: 'sentAt',
  DELIVERED: 'deliveredAt',
  READ: 'readAt',
  FAILED: 'failedAt',
};

/**
 * Serialises everything about one provider message id: the send job storing it and status
 * webhooks for it. Without this a status could miss the message (not yet stored) and land in
 * the backlog just after the job read the backlog, and stay there.
 */
export const lockProviderMessage = async (tx: Tx, tenantId: string, providerMessageId: string): Promise<void> => {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${tenantId}), hashtext(${providerMessageId}))`;
};

/** Applies a status to a known message; null when it changes nothing (a repeat or a late, older status). */
export const applyStatus = async (tx: Tx, tenantId: string, update: StatusUpdate): Promise<EventDraft | null | 'unknown'> => {
  await lockProviderMessage(tx, tenantId, update.providerMessageId);
  const message = await tx.message.findUnique({
    where: { tenantId_providerMessageId: { tenantId, providerMessageId: update.providerMessageId } },
  });
  if (!message || message.direction !== 'OUTBOUND') return 'unknown';
  const next = nextMessageStatus(message.status as MessageStatus, update.status);
  if (next === message.status) return null;
  const field = timestampField[update.status];
  const updated = await tx.message.update({
    where: { id: message.id },
    data: {
      status: next,
      ...(next === update.status && !message[field] ? { [field]: update.timestamp } : {}),
      ...(next === 'FAILED' ? { errorCode: update.errorCode, errorTitle: update.errorTitle } : {}),
    },
    include: messageInclude,
  });
  return { type: 'message.updated', actorId: null, payload: { message: toMessageDto(updated) } };
};

/**
 * A delivery of one customer message to an existing conversation (nearly all of them) as one
 * autocommit statement that stores it and appends its event (`storeInboundHotWithEvent`): no
 * transaction, so the tenant's counter lock never waits on this process's event loop. Null when
 * the message needs the full path; that attempt wrote nothing.
 */
const ingestHot =
  (tenantId: string, channelId: string, raw: InboundMessage): StatementWrite<IngestOutcome> =>
  async (db) => {
    const { m, id, at, hot: inbound } = prepareInbound(tenantId, channelId, raw);
    const createdAt = new Date().toISOString();
    const { conversationId: _pending, ...message } = toMessageDto({ ...inboundRow(tenantId, '', id, m, at), sender: null });
    const hot = await storeInboundHotWithEvent(db, inbound, { createdAt, message });
    if (hot.kind === 'full-path') return null;
    const result = emptyOutcome();
    const stored = hot.kind === 'stored' ? hotStored(tenantId, m, id, at, hot) : null;
    countMessage(result, stored);
    // The events the full path would append, with the seq the statement gave them.
    const committed = (stored?.drafts ?? []).map((draft): TenantEvent => ({ ...draft, tenantId, seq: hot.seq!, createdAt }) as TenantEvent);
    return { result, committed };
  };

/**
 * Stores one channel's share of a webhook delivery: every message (deduplicated by provider id)
 * and every status (forward-only), in one transaction, so a failure leaves nothing half-written
 * and the provider's retry starts clean. Concurrent twins are settled by unique indexes
 * (tenantId+providerMessageId, channelId+contactId, tenantId+phone) and a retry.
 */
export const ingestChannelBatch = async (
  deps: Deps,
  { tenantId, channelId, messages, statuses }: { tenantId: string; channelId: string; messages: InboundMessage[]; statuses: StatusUpdate[] },
): Promise<IngestOutcome> => {
  // Grouped: concurrent deliveries for one workspace share a transaction (or, each one statement,
  // a round trip), a publish and a fan-out frame.
  const outcome = await writeWithEventsGrouped(
    deps,
    tenantId,
    async (tx) => {
    const result = emptyOutcome();
    const drafts: EventDraft[] = [];
    for (const m of [...messages].sort((a, b) => a.timestamp.getTime() - b.timestamp.getTime())) {
      const stored = await storeInbound(tx, tenantId, channelId, m, deps.openai !== null);
      countMessage(result, stored);
      if (stored) drafts.push(...stored.drafts);
    }
    // One lock order for every writer: by provider id.
    for (const update of [...statuses].sort((a, b) => a.providerMessageId.localeCompare(b.providerMessageId))) {
      const draft = await applyStatus(tx, tenantId, update);
      if (draft === 'unknown') {
        await tx.statusBacklog.upsert({
          where: { tenantId_providerMessageId_status: { tenantId, providerMessageId: update.providerMessageId, status: update.status } },
          create: { tenantId, providerMessageId: update.providerMessageId, status: update.status, errorCode: update.errorCode, errorTitle: update.errorTitle, occurredAt: update.timestamp },
          update: {},
        });
        result.statusesDeferred++;
      } else if (draft) {
        drafts.push(draft);
        result.statusesApplied++;
      }
    }
    return { result, events: drafts };
    },
    // A twin delivery (same wamid) or a first message racing another from the same contact:
    // the unique index stops the second, and its retry finds the committed row.
    { retryOnUniqueViolation: true },
    // One message to an existing conversation (nearly every delivery) is one statement of its own.
    messages.length === 1 && statuses.length === 0 ? ingestHot(tenantId, channelId, messages[0]!) : undefined,
  );
  for (const conversationId of outcome.reopen) {
    // After commit, like the AI's reply; a ticket left pending by a failure here is one an agent can reopen.
    await reopenOnCustomerReply(deps, { tenantId, conversationId }).catch((err: unknown) => deps.log.error({ err, conversationId }, 'reopening pending tickets failed'));
  }
  for (const conversationId of outcome.aiOwed) {
    // After commit; if this enqueue is lost, the start-up reconciler finds the reply owed.
    await scheduleAiReply(deps, { tenantId, conversationId }).catch((err: unknown) => deps.log.error({ err, conversationId }, 'AI reply scheduling failed'));
  }
  return outcome;
};

/** Applies statuses that arrived before `providerMessageId` was stored; call in the transaction that stores it. */
export const applyBacklog = async (tx: Tx, tenantId: string, providerMessageId: string): Promise<EventDraft[]> => {
  const backlog = await tx.statusBacklog.findMany({ where: { tenantId, providerMessageId }, orderBy: { occurredAt: 'asc' } });
  if (backlog.length === 0) return [];
  await tx.statusBacklog.deleteMany({ where: { tenantId, providerMessageId } });
  const drafts: EventDraft[] = [];
  for (const row of backlog) {
    const draft = await applyStatus(tx, tenantId, {
      providerMessageId,
      status: row.status as StatusUpdate['status'],
      timestamp: row.occurredAt,
      errorCode: row.errorCode,
      errorTitle: row.errorTitle,
    });
    if (draft && draft !== 'unknown') drafts.push(draft);
  }
  return drafts;
};
