import { AppError } from '../../src/errors.ts';
import type { Tx } from '../db/client.ts';

/** An active member of this workspace, or NOT_FOUND (another tenant's user is unknown here). */
export const requireAssignee = async (tx: Pick<Tx, 'user'>, tenantId: string, userId: string): Promise<{ id: string; name: string }> => {
  const user = await tx.user.findFirst({ where: { id: userId, tenantId, status: 'ACTIVE' }, select: { id: true, name: true } });
  if (!user) throw new AppError('NOT_FOUND', { userMessage: 'That teammate is not an active member of this workspace.' });
  return user;
};

export const requireContact = async (tx: Pick<Tx, 'contact'>, tenantId: string, contactId: string) => {
  const contact = await tx.contact.findFirst({ where: { id: contactId, tenantId }, select: { id: true } });
  if (!contact) throw new AppError('NOT_FOUND', { userMessage: 'Contact not found.' });
  return contact;
};

export const requireTicketConversation = async (tx: Pick<Tx, 'conversation'>, tenantId: string, conversationId: string) => {
  const conversation = await tx.conversation.findFirst({ where: { id: conversationId, tenantId }, select: { id: true, contactId: true } });
  if (!conversation) throw new AppError('NOT_FOUND', { userMessage: 'Conversation not found.' });
  return conversation;
};
