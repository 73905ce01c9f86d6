import { parse } from 'csv-parse/sync';
import type { ImportReportDto, ImportRowErrorDto } from '../../src/contracts/contact.ts';
import type { EventDraft } from '../../src/contracts/events.ts';
import { toE164 } from '../../src/domain/phone.ts';
import { AppError } from '../../src/errors.ts';
import type { Tx } from '../db/client.ts';
import type { Deps } from '../deps.ts';
import { writeWithEvents } from '../realtime/write-with-events.ts';
import { normaliseTags } from './contact-fields.ts';
import { normaliseHeader, unescapeCell, ZImportRow, type ImportRow } from './contact-csv.ts';
import { insertContact, type Actor } from './create-contact.ts';
import { changeStage } from './update-contact.ts';

const MAX_ROWS = 10_000;
/** Rows per transaction: short transactions, and a failure loses at most one chunk's work. */
const CHUNK = 50;
/** A chunk is a few hundred statements; a busy machine must not roll it back at Prisma's 5 s default. */
const CHUNK_TIMEOUT_MS = 60_000;

type Valid = { line: number; row: ImportRow & { phone?: string }; ownerId: string | null };

const parseCsv = (csv: string): Array<{ line: number; record: Record<string, string> }> => {
  try {
    const records = parse(csv, {
      columns: (header: string[]) => header.map(normaliseHeader),
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
      info: true,
    }) as Array<{ record: Record<string, string>; info: { lines: number } }>;
    return records.map((r) => ({ line: r.info.lines, record: Object.fromEntries(Object.entries(r.record).map(([k, v]) => [k, unescapeCell(v ?? '')])) }));
  } catch (err) {
    const where = err instanceof Error && 'lines' in err ? ` near line ${String((err as { lines: number }).lines)}` : '';
    throw new AppError('INVALID_INPUT', { userMessage: `The file is not valid CSV${where}: ${err instanceof Error ? err.message : 'unreadable'}` });
  }
};

/** Creates or updates one row's contact; the row's match is by email, then phone. */
const importRow = async (tx: Tx, { tenantId, actorId }: Actor, v: Valid, createTasks: boolean): Promise<'created' | 'updated' | ImportRowErrorDto> => {
  const { row } = v;
  const byEmail = row.email ? await tx.contact.findUnique({ where: { tenantId_email: { tenantId, email: row.email } } }) : null;
  const byPhone = row.phone ? await tx.contact.findUnique({ where: { tenantId_phone: { tenantId, phone: row.phone } } }) : null;
  if (byEmail && byPhone && byEmail.id !== byPhone.id) {
    return { row: v.line, errors: { _row: [`The email belongs to ${byEmail.name || 'one contact'} and the phone to ${byPhone.name || 'another'}`] } };
  }
  const existing = byEmail ?? byPhone;
  if (!existing) {
    await insertContact(tx, {
      tenantId,
      actorId,
      createTasks,
      data: {
        name: row.name,
        email: row.email ?? null,
        phone: row.phone ?? null,
        company: row.company,
        source: row.source ?? 'IMPORT',
        stage: row.stage ?? 'NEW',
        ownerId: v.ownerId,
        tags: normaliseTags(row.tags),
        notes: row.notes,
      },
    });
    return 'created';
  }
  // A match is enriched, never blanked: empty cells keep what the contact has.
  await tx.contact.update({
    where: { id: existing.id },
    data: {
      name: row.name || undefined,
      email: existing.email ? undefined : row.email,
      phone: existing.phone ? undefined : row.phone,
      company: row.company || undefined,
      notes: row.notes || undefined,
      tags: row.tags.length > 0 ? normaliseTags([...existing.tags, ...row.tags]) : undefined,
      ownerId: v.ownerId ?? undefined,
    },
  });
  if (row.stage) await changeStage(tx, { tenantId, contactId: existing.id, from: existing.stage, to: row.stage, actorId });
  return 'updated';
};

/**
 * Imports a CSV of contacts. Every row is checked on its own (zod, phone to E.164, a known
 * owner); valid rows are created, or update the contact with the same email or phone (also a
 * contact created by an earlier row of the same file); invalid ones are reported with their line
 * number and field errors. One `contacts.imported` event tells clients to refetch.
 */
export const importContacts = async (deps: Deps, actor: Actor, { csv, createTasks }: { csv: string; createTasks: boolean }): Promise<ImportReportDto> => {
  const records = parseCsv(csv);
  if (records.length > MAX_ROWS) throw new AppError('INVALID_INPUT', { userMessage: `Import at most ${MAX_ROWS} rows at once (this file has ${records.length}).` });
  const members = new Map(
    (await deps.db.user.findMany({ where: { tenantId: actor.tenantId, status: 'ACTIVE' }, select: { id: true, email: true } })).map((m) => [m.email, m.id]),
  );
  const errors: ImportRowErrorDto[] = [];
  const valid: Valid[] = [];
  for (const { line, record } of records) {
    const parsed = ZImportRow.safeParse(record);
    const fieldErrors: Record<string, string[]> = {};
    const add = (field: string, message: string) => (fieldErrors[field] ??= []).push(message);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) add(String(issue.path[0] ?? '_row'), issue.message);
      errors.push({ row: line, errors: fieldErrors });
      continue;
    }
    const row = parsed.data;
    const phone = row.phone ? toE164(row.phone) : undefined;
    if (row.phone && !phone) add('phone', 'Not a phone number in international format, like +14155550123');
    const ownerId = row.owner_email ? (members.get(row.owner_email) ?? null) : actor.actorId;
    if (row.owner_email && !ownerId) add('owner_email', 'No active team member has this email');
    if (!row.name && !row.email && !row.phone) add('_row', 'Give at least a name, an email or a phone');
    if (Object.keys(fieldErrors).length > 0) errors.push({ row: line, errors: fieldErrors });
    else valid.push({ line, row: { ...row, phone: phone ?? undefined }, ownerId });
  }
  let created = 0;
  let updated = 0;
  for (let i = 0; i < valid.length; i += CHUNK) {
    const chunk = valid.slice(i, i + CHUNK);
    const outcomes = await writeWithEvents(deps, actor.tenantId, async (tx) => {
      const results: Array<'created' | 'updated' | ImportRowErrorDto> = [];
      for (const v of chunk) results.push(await importRow(tx, actor, v, createTasks));
      return { result: results, events: [] };
    }, { transaction: { maxWait: CHUNK_TIMEOUT_MS, timeout: CHUNK_TIMEOUT_MS } });
    for (const o of outcomes) {
      if (o === 'created') created++;
      else if (o === 'updated') updated++;
      else errors.push(o);
    }
  }
  if (created + updated > 0) {
    await writeWithEvents(deps, actor.tenantId, async () => {
      const events: EventDraft[] = [{ type: 'contacts.imported', actorId: actor.actorId, payload: { created, updated } }];
      return { result: undefined, events };
    });
  }
  deps.log.info({ tenantId: actor.tenantId, rows: records.length, created, updated, failed: errors.length }, 'contacts imported');
  errors.sort((a, b) => a.row - b.row);
  return { rows: records.length, created, updated, failed: errors.length, errors };
};
