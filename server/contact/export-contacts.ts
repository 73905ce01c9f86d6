import { stringify } from 'csv-stringify/sync';
import type { ContactFilter, ExportDto } from '../../src/contracts/contact.ts';
import { AppError } from '../../src/errors.ts';
import type { Deps } from '../deps.ts';
import { CSV_COLUMNS, escapeCell } from './contact-csv.ts';
import { contactWhere } from './list-contacts.ts';

const MAX_ROWS = 50_000;

/** The filtered contacts as CSV (the columns import reads back), oldest first. */
export const exportContacts = async (deps: Deps, { tenantId, userId, ...filter }: ContactFilter & { tenantId: string; userId: string }): Promise<ExportDto> => {
  const where = contactWhere(tenantId, userId, filter);
  const total = await deps.db.contact.count({ where });
  if (total > MAX_ROWS) throw new AppError('INVALID_INPUT', { userMessage: `Export at most ${MAX_ROWS} contacts at once; narrow the filter (${total} match).` });
  const rows = await deps.db.contact.findMany({ where, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], include: { owner: { select: { email: true } } } });
  const csv = stringify(
    rows.map((c) =>
      [c.name, c.email ?? '', c.phone ?? '', c.company, c.stage.toLowerCase(), c.source.toLowerCase(), c.tags.join(';'), c.notes, c.owner?.email ?? '', c.doNotEmail ? 'yes' : '', c.createdAt.toISOString()].map(
        escapeCell,
      ),
    ),
    { header: true, columns: [...CSV_COLUMNS] },
  );
  return { filename: `contacts-${new Date().toISOString().slice(0, 10)}.csv`, csv, rows: rows.length };
};
