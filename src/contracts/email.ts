import { z } from 'zod';

/**
 * QUEUED: written, send job pending. SENT: the provider (or the dev outbox) accepted it. Then
 * the SendGrid events move it on; it never moves back. FAILED: the provider refused it.
 */
export type EmailStatusDto = 'QUEUED' | 'SENT' | 'PROCESSED' | 'DEFERRED' | 'DELIVERED' | 'BOUNCED' | 'DROPPED' | 'FAILED';

export type EmailEngagementDto = {
  deliveredAt: string | null;
  firstOpenedAt: string | null;
  lastOpenedAt: string | null;
  openCount: number;
  clicks: Array<{ url: string; count: number; firstAt: string; lastAt: string }>;
  bounceReason: string | null;
  dropReason: string | null;
  spamReportedAt: string | null;
  unsubscribedAt: string | null;
};

/** One provider event as received (deduplicated), for the email's history. */
export type EmailEventDto = { id: string; type: string; at: string; url: string | null; reason: string | null };

export type EmailDto = {
  id: string;
  contactId: string;
  taskId: string | null;
  sender: { id: string; name: string } | null;
  fromName: string;
  fromAddress: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  status: EmailStatusDto;
  /** True when no SendGrid key was configured: it went to the dev outbox, not to the recipient. */
  outbox: boolean;
  providerMessageId: string | null;
  /** Why the provider refused it (FAILED), safe to show. */
  error: string | null;
  attempts: number;
  sentAt: string | null;
  createdAt: string;
  engagement: EmailEngagementDto;
  /** Newest first, at most 50. */
  events: EmailEventDto[];
};

export type EmailDraftStatus = 'PENDING' | 'READY' | 'FAILED';
export type EmailDraftDto = {
  id: string;
  contactId: string;
  taskId: string | null;
  status: EmailDraftStatus;
  subject: string;
  /** Sanitised HTML. */
  html: string;
  error: string | null;
  createdAt: string;
};

export const ZDraftEmailInput = z.object({
  contactId: z.uuid(),
  taskId: z.uuid().optional(),
  /** Extra guidance for the AI ("mention the spring offer"). */
  instructions: z.string().trim().max(2000).optional(),
});
/**
 * `offline`: no OpenAI key, no draft was started — the UI says the AI is offline and opens an
 * empty editor. Otherwise the draft is PENDING and arrives with an `email.draft_updated` event.
 */
export type DraftEmailResultDto = { ai: 'offline'; draft: null } | { ai: 'online'; draft: EmailDraftDto };

export const ZDraftIdInput = z.object({ draftId: z.uuid() });

export const ZSendEmailInput = z.object({
  contactId: z.uuid(),
  /** Sending from a task completes it once the provider accepts the email. */
  taskId: z.uuid().optional(),
  draftId: z.uuid().optional(),
  subject: z.string().trim().min(1, { error: 'Write a subject' }).max(300),
  /** Rich-text HTML; sanitised on the server. */
  html: z.string().min(1, { error: 'Write the email' }).max(200_000),
  /** Client-generated: a retried send (double click, reconnect) creates one email. */
  clientEmailId: z.uuid().optional(),
});

export const ZEmailIdInput = z.object({ emailId: z.uuid() });
export const ZListEmailsInput = z.object({
  contactId: z.uuid().optional(),
  cursor: z.string().max(300).nullish(),
  limit: z.number().int().min(1).max(100).default(30),
});
export const ZOutboxInput = z.object({
  cursor: z.string().max(300).nullish(),
  limit: z.number().int().min(1).max(100).default(30),
});
export type EmailPageDto = { items: EmailDto[]; nextCursor: string | null; total: number };

// ---------------------------------------------------------------------------------------------
// Workspace email settings

export type EmailSettingsDto = {
  /** 'sendgrid' when an API key is set (workspace or deployment), else 'outbox'. */
  mode: 'sendgrid' | 'outbox';
  /** The sender address verified in SendGrid; emails go out from "<agent name> <fromAddress>". */
  fromAddress: string | null;
  /** Used when the sending agent has no name. */
  fromName: string;
  apiKeySet: boolean;
  /** The Event Webhook verification key (public; shown so admins can compare). */
  webhookPublicKey: string | null;
  /** A deployment-wide key (SENDGRID_WEBHOOK_PUBLIC_KEY) is configured. */
  globalWebhookKey: boolean;
  /** Where to point SendGrid's Event Webhook. */
  webhookUrl: string;
};

export const ZUpdateEmailSettingsInput = z.object({
  fromAddress: z.string().trim().toLowerCase().max(254).pipe(z.email({ error: 'Enter a valid email address' })).nullish(),
  fromName: z.string().trim().max(120).optional(),
  /** Replaces the stored key; null removes it (back to the dev outbox). Omit to keep. */
  apiKey: z.string().trim().min(10).max(500).nullish(),
  /** Base64 DER (as SendGrid shows it) or PEM; null removes it. */
  webhookPublicKey: z.string().trim().min(40).max(2000).nullish(),
});

export type DraftEmailInput = z.infer<typeof ZDraftEmailInput>;
export type SendEmailInput = z.infer<typeof ZSendEmailInput>;
export type UpdateEmailSettingsInput = z.infer<typeof ZUpdateEmailSettingsInput>;
