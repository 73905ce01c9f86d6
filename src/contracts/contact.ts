import { z } from 'zod';
import type { TicketDto } from './ticket.ts';
import type { ConversationDto } from './conversation.ts';
import type { EmailDto } from './email.ts';
import type { TaskDto } from './task.ts';

export const CONTACT_SOURCES = ['WHATSAPP', 'WEB_FORM', 'EMAIL', 'MANUAL', 'IMPORT'] as const;
export const CONTACT_STAGES = ['NEW', 'CONTACTED', 'QUALIFIED', 'WON', 'LOST'] as const;
export type ContactSource = (typeof CONTACT_SOURCES)[number];
export type ContactStage = (typeof CONTACT_STAGES)[number];
export const ZContactSource = z.enum(CONTACT_SOURCES);
export const ZContactStage = z.enum(CONTACT_STAGES);

/** A contact or lead; the same record WhatsApp conversations point at. */
export type ContactDto = {
  id: string;
  name: string;
  /** Lower-cased; unique per workspace. */
  email: string | null;
  /** E.164; unique per workspace. */
  phone: string | null;
  company: string;
  source: ContactSource;
  stage: ContactStage;
  ownerId: string | null;
  owner: { id: string; name: string } | null;
  tags: string[];
  notes: string;
  /** Set by a bounce, spam report or unsubscribe (or by hand): sends are refused. */
  doNotEmail: boolean;
  doNotEmailReason: string | null;
  createdAt: string;
  updatedAt: string;
};

export type StageChangeDto = {
  id: string;
  contactId: string;
  /** Null for the first stage a contact got. */
  from: ContactStage | null;
  to: ContactStage;
  actor: { id: string; name: string } | null;
  at: string;
};

const emailString = z.string().trim().toLowerCase().max(254).pipe(z.email({ error: 'Enter a valid email address' }));
/** Normalised to E.164 by the service (toE164); here only shape-checked. */
const phoneString = z
  .string()
  .trim()
  .max(40)
  .regex(/^[+\d][\d\s().-]{5,}$/, { error: 'Enter the number in international format, like +14155550123' });
const isBlank = (v: unknown) => typeof v === 'string' && v.trim() === '';
/** On create, an empty string means "not given", so HTML forms and CSV cells can send blanks. */
export const zContactEmail = z.preprocess((v) => (isBlank(v) ? undefined : v), emailString.optional());
export const zContactPhone = z.preprocess((v) => (isBlank(v) ? undefined : v), phoneString.optional());
/** On update, an empty string (or null) clears the field; absent leaves it as it is. */
const zClearable = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (isBlank(v) ? null : v), schema.nullish());
const tag = z.string().trim().min(1).max(40);
const tags = z.array(tag).max(30, { error: 'At most 30 tags' });

const contactFields = {
  name: z.string().trim().max(200).default(''),
  email: zContactEmail,
  phone: zContactPhone,
  company: z.string().trim().max(200).default(''),
  source: ZContactSource.default('MANUAL'),
  stage: ZContactStage.default('NEW'),
  /** Defaults to the creating user. Tasks from the cadence are assigned to the owner. */
  ownerId: z.uuid().nullish(),
  tags: tags.default([]),
  notes: z.string().max(10_000).default(''),
};

const needsIdentity = (v: { name?: string; email?: string; phone?: string }) => Boolean(v.name || v.email || v.phone);
const identityMessage = { error: 'Give at least a name, an email or a phone', path: ['name'] };

export const ZCreateContactInput = z
  .object({
    ...contactFields,
    /** Create the workspace's follow-up cadence tasks for this lead (default yes). */
    createTasks: z.boolean().default(true),
  })
  .refine(needsIdentity, identityMessage);

export const ZUpdateContactInput = z.object({
  contactId: z.uuid(),
  name: z.string().trim().max(200).optional(),
  /** null clears it. */
  email: zClearable(emailString),
  phone: zClearable(phoneString),
  company: z.string().trim().max(200).optional(),
  source: ZContactSource.optional(),
  stage: ZContactStage.optional(),
  ownerId: z.uuid().nullish(),
  tags: tags.optional(),
  notes: z.string().max(10_000).optional(),
  /** Set or clear by hand; clearing a provider-set block is an admin's call (supervisor+). */
  doNotEmail: z.boolean().optional(),
  doNotEmailReason: z.string().trim().max(300).optional(),
});

export const ZSetStageInput = z.object({ contactId: z.uuid(), stage: ZContactStage });
export const ZContactIdInput = z.object({ contactId: z.uuid() });

export const ZContactFilter = z.object({
  /** Matches name, email, phone digits and company. */
  search: z.string().trim().max(200).optional(),
  stage: ZContactStage.optional(),
  source: ZContactSource.optional(),
  /** A member id, 'me' or 'none' (unowned). */
  owner: z.union([z.uuid(), z.enum(['me', 'none'])]).optional(),
  tag: tag.optional(),
  doNotEmail: z.boolean().optional(),
});

export const ZListContactsInput = ZContactFilter.extend({
  sort: z.enum(['created', 'updated']).default('created'),
  cursor: z.string().max(300).nullish(),
  limit: z.number().int().min(1).max(200).default(50),
});

export type ContactPageDto = { items: ContactDto[]; nextCursor: string | null; total: number };

/** CSV with a header row; columns: name, email, phone, company, stage, source, tags (";"-separated), notes, owner_email. */
export const ZImportContactsInput = z.object({
  csv: z.string().min(1, { error: 'The file is empty' }).max(5_000_000, { error: 'Import at most 5 MB at once' }),
  /** Create cadence tasks for the newly created leads. */
  createTasks: z.boolean().default(false),
});

export type ImportRowErrorDto = {
  /** 1-based line number in the file, header being line 1. */
  row: number;
  /** Field name -> messages; `_row` for problems with the row as a whole. */
  errors: Record<string, string[]>;
};

export type ImportReportDto = {
  rows: number;
  created: number;
  /** Rows that matched an existing contact by email or phone and updated it. */
  updated: number;
  failed: number;
  errors: ImportRowErrorDto[];
};

export const ZExportContactsInput = ZContactFilter;
export type ExportDto = { filename: string; csv: string; rows: number };

// ---------------------------------------------------------------------------------------------
// Timeline

export const ZTimelineInput = z.object({
  contactId: z.uuid(),
  cursor: z.string().max(300).nullish(),
  limit: z.number().int().min(1).max(100).default(30),
});

export type TimelineConversationDto = {
  conversation: ConversationDto;
  messageCount: number;
  /** The newest few messages, oldest first, as one-line previews. */
  recentMessages: Array<{ id: string; direction: 'INBOUND' | 'OUTBOUND'; preview: string; fromAi: boolean; at: string }>;
};

/**
 * One entry of a contact's timeline, newest first by `at`:
 * a conversation at its last message; a task at its completion, else its due time (so the
 * upcoming follow-ups sit at the top); an email at its send (or creation) time; a stage change
 * when it happened. `key` is unique across kinds (`kind:id`).
 */
export type TimelineItemDto =
  | { kind: 'conversation'; key: string; at: string; conversation: TimelineConversationDto }
  | { kind: 'task'; key: string; at: string; task: TaskDto }
  | { kind: 'email'; key: string; at: string; email: EmailDto }
  | { kind: 'stage_change'; key: string; at: string; change: StageChangeDto }
  | { kind: 'ticket'; key: string; at: string; ticket: TimelineTicketDto };

/** A helpdesk ticket on a contact's timeline, placed at its creation. */
export type TimelineTicketDto = Pick<TicketDto, 'id' | 'number' | 'subject' | 'status' | 'priority' | 'assignee' | 'createdAt'> & { slaState: TicketDto['sla']['state'] };

/** The timeline's slim snapshot of a ticket: the server builds it, and a client from a ticket event. */
export const timelineTicketOf = ({ id, number, subject, status, priority, assignee, createdAt, sla }: TicketDto): TimelineTicketDto => ({
  id, number, subject, status, priority, assignee, createdAt, slaState: sla.state,
});

export type TimelinePageDto = { items: TimelineItemDto[]; nextCursor: string | null };

// ---------------------------------------------------------------------------------------------
// Web forms: POST /webhooks/forms/:formKey

export const FORM_FIELDS = ['name', 'email', 'phone', 'company', 'message'] as const;
export type FormField = (typeof FORM_FIELDS)[number];

export type WebFormDto = {
  id: string;
  formKey: string;
  name: string;
  /** Fields a submission must carry (beyond "email or phone", which is always required). */
  requiredFields: FormField[];
  /** Tags put on leads from this form. */
  tags: string[];
  ownerId: string | null;
  /** Where the form posts. */
  endpointUrl: string;
  submissionCount: number;
  lastSubmissionAt: string | null;
  createdAt: string;
};

/** The secret is shown in full only when created or rotated. */
export type WebFormWithSecretDto = { form: WebFormDto; secret: string };

export const ZCreateWebFormInput = z.object({
  name: z.string().trim().min(1, { error: 'Name the form' }).max(120),
  requiredFields: z.array(z.enum(FORM_FIELDS)).max(FORM_FIELDS.length).default(['name']),
  tags: tags.default([]),
  ownerId: z.uuid().nullish(),
});
export const ZUpdateWebFormInput = z.object({
  formId: z.uuid(),
  name: z.string().trim().min(1).max(120).optional(),
  requiredFields: z.array(z.enum(FORM_FIELDS)).max(FORM_FIELDS.length).optional(),
  tags: tags.optional(),
  ownerId: z.uuid().nullish(),
});
export const ZWebFormIdInput = z.object({ formId: z.uuid() });

export type CreateContactInput = z.infer<typeof ZCreateContactInput>;
export type UpdateContactInput = z.infer<typeof ZUpdateContactInput>;
export type ListContactsInput = z.infer<typeof ZListContactsInput>;
export type ContactFilter = z.infer<typeof ZContactFilter>;
export type CreateWebFormInput = z.infer<typeof ZCreateWebFormInput>;
export type UpdateWebFormInput = z.infer<typeof ZUpdateWebFormInput>;
