import { toE164 } from '../../src/domain/phone.ts';
import { AppError } from '../../src/errors.ts';
import type { Tx } from '../db/client.ts';

/** E.164 or a field error the form can show next to the phone input. */
export const phoneOrThrow = (raw: string): string => {
  const phone = toE164(raw);
  if (!phone) throw new AppError('INVALID_INPUT', { userMessage: 'Enter the phone number in international format, like +14155550123.' });
  return phone;
};

export const normaliseTags = (tags: string[]): string[] => [...new Set(tags.map((t) => t.trim()).filter(Boolean))];

/** The owner (or assignee) must be an active member of the same workspace; anything else is NOT_FOUND. */
export const requireMember = async (tx: Tx, tenantId: string, userId: string): Promise<void> => {
  const member = await tx.user.findFirst({ where: { id: userId, tenantId, status: 'ACTIVE' }, select: { id: true } });
  if (!member) throw new AppError('NOT_FOUND', { userMessage: 'That team member was not found.' });
};

/** Whether an email or phone already belongs to another contact, with a message naming it. */
export const assertUnique = async (
  tx: Tx,
  tenantId: string,
  { email, phone, exceptId }: { email?: string | null; phone?: string | null; exceptId?: string },
): Promise<void> => {
  const clauses = [...(email ? [{ email }] : []), ...(phone ? [{ phone }] : [])];
  if (clauses.length === 0) return;
  const clash = await tx.contact.findFirst({
    where: { tenantId, OR: clauses, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { email: true, phone: true, name: true },
  });
  if (!clash) return;
  const field = email && clash.email === email ? 'email' : 'phone number';
  throw new AppError('CONFLICT', { userMessage: `Another contact (${clash.name || 'unnamed'}) already has this ${field}.` });
};

export const contactNotFound = () => new AppError('NOT_FOUND', { userMessage: 'Contact not found.' });

/** Locks the contact row for the rest of the transaction (stage changes, sends, form updates serialise on it). */
export const lockContact = async (tx: Tx, tenantId: string, contactId: string): Promise<void> => {
  const rows = await tx.$queryRaw<Array<{ id: string }>>`
    SELECT id FROM "Contact" WHERE id = ${contactId}::uuid AND "tenantId" = ${tenantId}::uuid FOR UPDATE`;
  if (rows.length === 0) throw contactNotFound();
};
