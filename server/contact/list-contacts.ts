import type { ContactDto, ContactFilter, ContactPageDto, ListContactsInput } from '../../src/contracts/contact.ts';
import type { Prisma } from '../db/generated/client.ts';
import type { Deps } from '../deps.ts';
import { decodeCursor, encodeCursor } from '../db/cursor.ts';
import { contactInclude, toContactDto } from './contact-dto.ts';
import { contactNotFound } from './contact-fields.ts';

export const contactWhere = (tenantId: string, userId: string, filter: ContactFilter): Prisma.ContactWhereInput => {
  const search = filter.search?.trim();
  const digits = search?.replace(/[^\d]/g, '') ?? '';
  const and: Prisma.ContactWhereInput[] = [];
  if (search) {
    and.push({
      OR: [
        { name: { contains: search, mode: 'insensitive' } },
        { email: { contains: search, mode: 'insensitive' } },
        { company: { contains: search, mode: 'insensitive' } },
        ...(digits.length >= 3 ? [{ phone: { contains: digits } }] : []),
      ],
    });
  }
  return {
    tenantId,
    ...(filter.stage ? { stage: filter.stage } : {}),
    ...(filter.source ? { source: filter.source } : {}),
    ...(filter.owner === 'me' ? { ownerId: userId } : filter.owner === 'none' ? { ownerId: null } : filter.owner ? { ownerId: filter.owner } : {}),
    ...(filter.tag ? { tags: { has: filter.tag } } : {}),
    ...(filter.doNotEmail !== undefined ? { doNotEmail: filter.doNotEmail } : {}),
    ...(and.length > 0 ? { AND: and } : {}),
  };
};

/** One page, newest first (by creation or last update), keyset-paginated, with the filter's real total. */
export const listContacts = async (
  deps: Deps,
  { tenantId, userId, cursor, limit, sort, ...filter }: ListContactsInput & { tenantId: string; userId: string },
): Promise<ContactPageDto> => {
  const where = contactWhere(tenantId, userId, filter);
  const field = sort === 'updated' ? 'updatedAt' : 'createdAt';
  const after = cursor ? decodeCursor(cursor) : null;
  const pageWhere: Prisma.ContactWhereInput = after
    ? { AND: [where, { OR: [{ [field]: { lt: new Date(after.at) } }, { [field]: new Date(after.at), id: { lt: after.id } }] }] }
    : where;
  const [rows, total] = await Promise.all([
    deps.db.contact.findMany({ where: pageWhere, orderBy: [{ [field]: 'desc' }, { id: 'desc' }], take: limit + 1, include: contactInclude }),
    deps.db.contact.count({ where }),
  ]);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(toContactDto),
    nextCursor: rows.length > limit && last ? encodeCursor({ at: last[field].toISOString(), id: last.id }) : null,
    total,
  };
};

export const getContact = async (deps: Deps, { tenantId, contactId }: { tenantId: string; contactId: string }): Promise<ContactDto> => {
  const row = await deps.db.contact.findFirst({ where: { id: contactId, tenantId }, include: contactInclude });
  if (!row) throw contactNotFound();
  return toContactDto(row);
};

export const listContactTags = async (deps: Deps, { tenantId }: { tenantId: string }): Promise<string[]> => {
  const rows = await deps.db.$queryRaw<Array<{ tag: string }>>`
    SELECT DISTINCT unnest(tags) AS tag FROM "Contact" WHERE "tenantId" = ${tenantId}::uuid ORDER BY tag LIMIT 500`;
  return rows.map((r) => r.tag);
};
