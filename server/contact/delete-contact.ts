import { AppError } from '../../src/errors.ts';
import type { Deps } from '../deps.ts';
import { writeWithEvents } from '../realtime/write-with-events.ts';
import { lockContact } from './contact-fields.ts';
import type { Actor } from './create-contact.ts';

/**
 * Deletes a contact with its tasks, emails and history. One with WhatsApp conversations is
 * refused: deleting it would silently take the conversations (and their messages) with it.
 */
export const deleteContact = (deps: Deps, { tenantId, actorId }: Actor, { contactId }: { contactId: string }): Promise<void> =>
  writeWithEvents(deps, tenantId, async (tx) => {
    await lockContact(tx, tenantId, contactId);
    if ((await tx.conversation.count({ where: { tenantId, contactId } })) > 0) {
      throw new AppError('INVALID_STATE', { userMessage: 'This contact has WhatsApp conversations and cannot be deleted.' });
    }
    await tx.contact.delete({ where: { id: contactId } });
    return { result: undefined, events: [{ type: 'contact.deleted', actorId, payload: { contactId } }] };
  });
