import { z } from 'zod';
import { CONTACT_SOURCES, CONTACT_STAGES } from '../../src/contracts/contact.ts';

/** The columns we export, and read back on import (also from other tools: unknown columns are ignored). */
export const CSV_COLUMNS = ['name', 'email', 'phone', 'company', 'stage', 'source', 'tags', 'notes', 'owner_email', 'do_not_email', 'created_at'] as const;

/** Header spellings other tools use, mapped to ours. */
const HEADER_ALIASES: Record<string, string> = {
  full_name: 'name',
  e_mail: 'email',
  email_address: 'email',
  phone_number: 'phone',
  mobile: 'phone',
  organization: 'company',
  organisation: 'company',
  owner: 'owner_email',
};

export const normaliseHeader = (h: string): string => {
  const key = h.trim().toLowerCase().replace(/[\s-]+/g, '_');
  return HEADER_ALIASES[key] ?? key;
};

/**
 * A spreadsheet runs a cell starting with = + - @ as a formula. Such cells are written with a
 * leading apostrophe — except numbers like "+14155550123", which are harmless and must round-trip.
 */
export const escapeCell = (value: string): string => (/^[=+\-@\t\r]/.test(value) && !/^[+-]?[\d\s().-]+$/.test(value) ? `'${value}` : value);
export const unescapeCell = (value: string): string => (/^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value);

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const upper = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim().toUpperCase().replace(/[\s-]+/g, '_') : undefined);

/** One CSV row as an import reads it; field names match the columns, so errors name them. */
export const ZImportRow = z.object({
  name: z.string().trim().max(200).default(''),
  email: z.preprocess(blank, z.string().trim().toLowerCase().max(254).pipe(z.email({ error: 'Not a valid email address' })).optional()),
  phone: z.preprocess(blank, z.string().trim().max(40).optional()),
  company: z.string().trim().max(200).default(''),
  stage: z.preprocess(upper, z.enum(CONTACT_STAGES, { error: `One of ${CONTACT_STAGES.join(', ').toLowerCase()}` }).optional()),
  source: z.preprocess(upper, z.enum(CONTACT_SOURCES, { error: `One of ${CONTACT_SOURCES.join(', ').toLowerCase()}` }).optional()),
  tags: z
    .string()
    .default('')
    .transform((s) => s.split(/[;,]/).map((t) => t.trim()).filter(Boolean))
    .pipe(z.array(z.string().max(40, { error: 'Tags are at most 40 characters' })).max(30, { error: 'At most 30 tags' })),
  notes: z.string().max(10_000).default(''),
  owner_email: z.preprocess(blank, z.string().trim().toLowerCase().max(254).optional()),
});
export type ImportRow = z.infer<typeof ZImportRow>;
