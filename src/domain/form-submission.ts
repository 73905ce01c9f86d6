import { toE164 } from './phone.ts';

/**
 * A web-form submission read into a lead. Forms come from anywhere (plain HTML forms, Zapier,
 * site builders), so common field spellings are accepted, and everything else the form sent is
 * kept in the lead's notes rather than lost.
 */

export type FormField = 'name' | 'email' | 'phone' | 'company' | 'message';
export type SubmittedLead = { name: string; email: string | null; phone: string | null; company: string; message: string; extras: Array<[string, string]> };
export type SubmissionResult = { ok: true; lead: SubmittedLead } | { ok: false; fieldErrors: Record<string, string[]> };

const ALIASES: Record<string, FormField | 'first_name' | 'last_name' | 'ignore'> = {
  name: 'name',
  full_name: 'name',
  fullname: 'name',
  your_name: 'name',
  first_name: 'first_name',
  firstname: 'first_name',
  last_name: 'last_name',
  lastname: 'last_name',
  email: 'email',
  e_mail: 'email',
  email_address: 'email',
  your_email: 'email',
  phone: 'phone',
  phone_number: 'phone',
  tel: 'phone',
  mobile: 'phone',
  company: 'company',
  company_name: 'company',
  organization: 'company',
  organisation: 'company',
  message: 'message',
  comments: 'message',
  comment: 'message',
  notes: 'message',
  // Authentication, never stored.
  token: 'ignore',
  _token: 'ignore',
  form_token: 'ignore',
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAX = { name: 200, email: 254, phone: 40, company: 200, message: 5000 } as const;
const MAX_EXTRAS = 30;

const key = (raw: string) => raw.trim().toLowerCase().replace(/[\s-]+/g, '_');

export const readSubmission = (fields: Record<string, unknown>, required: readonly FormField[]): SubmissionResult => {
  const known: Partial<Record<FormField | 'first_name' | 'last_name', string>> = {};
  const extras: Array<[string, string]> = [];
  for (const [rawKey, rawValue] of Object.entries(fields)) {
    if (typeof rawValue !== 'string' && typeof rawValue !== 'number' && typeof rawValue !== 'boolean') continue;
    const value = String(rawValue).replaceAll('\u0000', '').trim();
    if (!value) continue;
    const field = ALIASES[key(rawKey)];
    if (field === 'ignore') continue;
    if (field) known[field] ??= value;
    // PostgreSQL text refuses NUL: a field name carrying one (the token is public in an HTML form)
    // must not turn a submission into a 500.
    else if (extras.length < MAX_EXTRAS) extras.push([rawKey.replaceAll('\u0000', '').slice(0, 60), value.slice(0, 500)]);
  }
  const errors: Record<string, string[]> = {};
  const add = (field: string, message: string) => (errors[field] ??= []).push(message);
  const name = known.name ?? [known.first_name, known.last_name].filter(Boolean).join(' ');
  const email = known.email?.toLowerCase() ?? null;
  const phone = known.phone ? toE164(known.phone) : null;
  if (email && (!EMAIL.test(email) || email.length > MAX.email)) add('email', 'Not a valid email address');
  if (known.phone && !phone) add('phone', 'Not a phone number in international format, like +14155550123');
  if (!known.email && !known.phone) add('email', 'Give an email or a phone number');
  for (const field of required) {
    const present = field === 'name' ? name : known[field];
    if (!present && !errors[field]) add(field, 'Required');
  }
  for (const [field, max] of [['name', MAX.name], ['company', MAX.company], ['message', MAX.message]] as const) {
    const value = field === 'name' ? name : known[field];
    if (value && value.length > max) add(field, `At most ${max} characters`);
  }
  if (Object.keys(errors).length > 0) return { ok: false, fieldErrors: errors };
  return { ok: true, lead: { name, email, phone, company: known.company ?? '', message: known.message ?? '', extras } };
};
