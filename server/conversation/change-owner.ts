import type { ConversationDto, OwnershipHistoryEntryDto } from '../../src/contracts/conversation.ts';
import type { EventDraft } from '../../src/contracts/events.ts';
import { transition, type Owner, type OwnershipAction } from '../../src/domain/conversation-ownership.ts';
import { hasRole, type Role } from '../../src/domain/roles.ts';
import { AppError } from '../../src/errors.ts';
import type { Tx } from '../db/client.ts';
import type { Conversation } from '../db/generated/client.ts';
import type { Deps } from '../deps.ts';
import { writeWithEvents } from '../realtime/write-with-events.ts';
import { answeringPersona } from '../ai-agent/answering-persona.ts';
import { scheduleAiReply } from '../ai-agent/schedule-ai-reply.ts';
import { conversationInclude, toConversationDto } from './conversation-dto.ts';
import { conversationNotFound, requireConversation } from './get-conversation.ts';

export const ownerOf = (c: Pick<Conversation, 'owner' | 'assigneeId'>): Owner =>
  c.owner === 'HUMAN' && c.assigneeId ? { kind: 'HUMAN', assigneeId: c.assigneeId } : c.owner === 'AI' ? { kind: 'AI' } : { kind: 'QUEUE' };

const describeOwner = async (tx: Tx, owner: Owner) => {
  if (owner.kind !== 'HUMAN') return owner.kind === 'AI' ? 'The AI agent' : 'The queue';
  const user = await tx.user.findUnique({ where: { id: owner.assigneeId }, select: { name: true } });
  return user?.name ?? 'Another agent';
};

/**
 * Applies an ownership change inside the caller's transaction with a compare-and-set on
 * ownerVersion: of two simultaneous changes exactly one commits, and the other is told who won.
 * Records the change and returns the events to append.
 */
export const applyOwnerChange = async (
  tx: Tx,
  conversation: Conversation,
  action: OwnershipAction,
  actor: { id: string | null; role: Role | null },
  aiOnline: boolean,
): Promise<{ conversation: ConversationDto; events: EventDraft[] }> => {
  const current = ownerOf(conversation);
  const aiAvailable = (await answeringPersona(tx, conversation.tenantId, conversation.channelId, aiOnline)) !== null;
  const decided = transition(current, action, { actorIsSupervisor: actor.role !== null && hasRole(actor.role, 'SUPERVISOR'), aiAvailable });
  if (!decided.ok) {
    const { code, reason } = decided.refusal;
    if (code === 'CONFLICT') throw new AppError('CONFLICT', { userMessage: `${await describeOwner(tx, current)} already owns this conversation.` });
    throw new AppError(code === 'FORBIDDEN' ? 'FORBIDDEN' : 'INVALID_STATE', { userMessage: reason });
  }
  const next = decided.next;
  const { count } = await tx.conversation.updateMany({
    where: { id: conversation.id, ownerVersion: conversation.ownerVersion },
    data: { owner: next.kind, assigneeId: next.kind === 'HUMAN' ? next.assigneeId : null, ownerVersion: { increment: 1 } },
  });
  if (count === 0) {
    // Someone else's change committed first: name the owner it left behind.
    const now = await tx.conversation.findUniqueOrThrow({ where: { id: conversation.id } });
    const winner = await describeOwner(tx, ownerOf(now));
    throw new AppError('CONFLICT', { userMessage: `${winner === 'The queue' ? 'Someone' : winner} changed the owner first.` });
  }
  const reason = action.type === 'escalate' ? action.reason : action.type.replace('_', ' ');
  const change = {
    version: conversation.ownerVersion + 1,
    from: current.kind,
    to: next.kind,
    fromAssigneeId: current.kind === 'HUMAN' ? current.assigneeId : null,
    toAssigneeId: next.kind === 'HUMAN' ? next.assigneeId : null,
    actorId: actor.id,
    reason,
  };
  await tx.ownershipChange.create({
    data: {
      tenantId: conversation.tenantId,
      conversationId: conversation.id,
      fromOwner: change.from,
      toOwner: change.to,
      fromAssigneeId: change.fromAssigneeId,
      toAssigneeId: change.toAssigneeId,
      actorId: change.actorId,
      reason,
      version: conversation.ownerVersion + 1,
    },
  });
  const dto = toConversationDto(await tx.conversation.findUniqueOrThrow({ where: { id: conversation.id }, include: conversationInclude }));
  return { conversation: dto, events: [{ type: 'conversation.owner_changed', actorId: actor.id, payload: { conversation: dto, change } }] };
};

export type OwnerChangeRequest = {
  tenantId: string;
  actorId: string;
  actorRole: Role;
  conversationId: string;
  action: OwnershipAction;
};

/** Take over, hand back, release or assign, as a person. A hand-back makes the AI answer what is unanswered. */
export const changeOwner = async (deps: Deps, request: OwnerChangeRequest): Promise<ConversationDto> => {
  const conversation = await writeWithEvents(deps, request.tenantId, async (tx) => {
    const conversation = await tx.conversation.findFirst({ where: { id: request.conversationId, tenantId: request.tenantId } });
    if (!conversation) throw conversationNotFound();
    if (request.action.type === 'assign') {
      const assignee = await tx.user.findFirst({ where: { id: request.action.assigneeId, tenantId: request.tenantId, status: 'ACTIVE' } });
      if (!assignee) throw new AppError('NOT_FOUND', { userMessage: 'That teammate is not an active member.' });
    }
    const { conversation: dto, events } = await applyOwnerChange(tx, conversation, request.action, { id: request.actorId, role: request.actorRole }, deps.openai !== null);
    return { result: dto, events };
  });
  if (conversation.owner === 'AI') await scheduleAiReply(deps, { tenantId: request.tenantId, conversationId: conversation.id });
  return conversation;
};

/** A conversation's ownership changes, oldest first, for the thread's timeline lines. */
export const listOwnershipHistory = async (
  deps: Deps,
  { tenantId, conversationId }: { tenantId: string; conversationId: string },
): Promise<OwnershipHistoryEntryDto[]> => {
  await requireConversation(deps, tenantId, conversationId);
  const rows = await deps.db.ownershipChange.findMany({ where: { tenantId, conversationId }, orderBy: { version: 'asc' }, take: 500 });
  return rows.map((r) => ({
    at: r.createdAt.toISOString(),
    change: { version: r.version, from: r.fromOwner, to: r.toOwner, fromAssigneeId: r.fromAssigneeId, toAssigneeId: r.toAssigneeId, actorId: r.actorId, reason: r.reason },
  }));
};
