import type { EmailDto, EmailPageDto } from '../../src/contracts/email.ts';
import type { Prisma } from '../db/generated/client.ts';
import type { Deps } from '../deps.ts';
import { decodeCursor, encodeCursor } from '../db/cursor.ts';
import { contactNotFound } from '../contact/contact-fields.ts';
import { emailInclude, toEmailDto } from './email-dto.ts';
import { emailNotFound } from './send-email.ts';

export const getEmail = async (deps: Deps, { tenantId, emailId }: { tenantId: string; emailId: string }): Promise<EmailDto> => {
  const row = await deps.db.email.findFirst({ where: { id: emailId, tenantId }, include: emailInclude });
  if (!row) throw emailNotFound();
  return toEmailDto(row);
};

const page = async (deps: Deps, where: Prisma.EmailWhereInput, cursor: string | null | undefined, limit: number): Promise<EmailPageDto> => {
  const after = cursor ? decodeCursor(cursor) : null;
  const pageWhere: Prisma.EmailWhereInput = after
    ? { AND: [where, { OR: [{ createdAt: { lt: new Date(after.at) } }, { createdAt: new Date(after.at), id: { lt: after.id } }] }] }
    : where;
  const [rows, total] = await Promise.all([
    deps.db.email.findMany({ where: pageWhere, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: limit + 1, include: emailInclude }),
    deps.db.email.count({ where }),
  ]);
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items: items.map(toEmailDto),
    nextCursor: rows.length > limit && last ? encodeCursor({ at: last.createdAt.toISOString(), id: last.id }) : null,
    total,
  };
};

/** Newest first; all the workspace's emails, or one contact's. */
export const listEmails = async (
  deps: Deps,
  { tenantId, contactId, cursor, limit }: { tenantId: string; contactId?: string; cursor?: string | null; limit: number },
): Promise<EmailPageDto> => {
  if (contactId && !(await deps.db.contact.findFirst({ where: { id: contactId, tenantId }, select: { id: true } }))) throw contactNotFound();
  return page(deps, { tenantId, ...(contactId ? { contactId } : {}) }, cursor, limit);
};

/** The dev outbox: emails "sent" while no SendGrid key was configured. */
export const listOutbox = (deps: Deps, { tenantId, cursor, limit }: { tenantId: string; cursor?: string | null; limit: number }): Promise<EmailPageDto> =>
  page(deps, { tenantId, outbox: true }, cursor, limit);
