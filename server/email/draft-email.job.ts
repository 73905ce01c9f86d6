import { z } from 'zod';
import { buildEmailDraftMessages, paragraphsToHtml, WRITE_EMAIL_TOOL } from '../../src/domain/email-draft-prompt.ts';
import type { Deps } from '../deps.ts';
import { writeWithEvents } from '../realtime/write-with-events.ts';
import { toEmailDraftDto } from './email-dto.ts';
import { sanitizeEmailHtml } from './sanitize-email.ts';

const ZPayload = z.object({ tenantId: z.uuid(), draftId: z.uuid() });
const ZWritten = z.object({ subject: z.string().trim().min(1).max(300), body: z.string().trim().min(1).max(20_000) });
/** Used when the workspace has no persona to take a model from. */
const DEFAULT_MODEL = 'gpt-4o-mini';
const HISTORY = 30;

const finish = (deps: Deps, tenantId: string, draftId: string, data: { status: 'READY' | 'FAILED'; subject?: string; html?: string; error?: string }) =>
  writeWithEvents(deps, tenantId, async (tx) => {
    // Only a PENDING draft is written: a twin run of the job (re-enqueued) finds it done.
    const { count } = await tx.emailDraft.updateMany({ where: { id: draftId, tenantId, status: 'PENDING' }, data });
    if (count === 0) return { result: undefined, events: [] };
    const draft = toEmailDraftDto(await tx.emailDraft.findUniqueOrThrow({ where: { id: draftId } }));
    return { result: undefined, events: [{ type: 'email.draft_updated', actorId: null, payload: { draft } }] };
  });

/**
 * Writes one AI draft from the contact, its recent WhatsApp conversation and the requesting
 * agent's profile. OpenAI failures retry (the SDK retries blips first); the last attempt marks
 * the draft FAILED so the editor stops waiting and says why.
 */
export const draftEmailJob =
  (deps: Deps) =>
  async (raw: unknown, { attempt, maxAttempts }: { attempt: number; maxAttempts: number }): Promise<void> => {
    const { tenantId, draftId } = ZPayload.parse(raw);
    const draft = await deps.db.emailDraft.findFirst({ where: { id: draftId, tenantId } });
    if (!draft || draft.status !== 'PENDING') return;
    if (!deps.openai) {
      await finish(deps, tenantId, draftId, { status: 'FAILED', error: 'The AI is offline: no OpenAI API key is configured.' });
      return;
    }
    const [contact, sender, tenant, task, persona] = await Promise.all([
      deps.db.contact.findFirst({ where: { id: draft.contactId, tenantId } }),
      deps.db.user.findFirst({ where: { id: draft.requestedById, tenantId } }),
      deps.db.tenant.findUniqueOrThrow({ where: { id: tenantId } }),
      draft.taskId ? deps.db.task.findFirst({ where: { id: draft.taskId, tenantId } }) : null,
      deps.db.aiAgent.findFirst({ where: { tenantId, active: true }, orderBy: [{ isDefault: 'desc' }, { createdAt: 'asc' }] }),
    ]);
    if (!contact || !sender) {
      await finish(deps, tenantId, draftId, { status: 'FAILED', error: 'The contact or the sender no longer exists.' });
      return;
    }
    const history = await deps.db.message.findMany({
      where: { tenantId, conversation: { contactId: contact.id }, isNote: false, NOT: { direction: 'OUTBOUND', status: 'FAILED' }, body: { not: '' } },
      orderBy: { createdAt: 'desc' },
      take: HISTORY,
      select: { direction: true, body: true, createdAt: true },
    });
    try {
      const completion = await deps.openai.chat.completions.create({
        model: persona?.model ?? DEFAULT_MODEL,
        temperature: 0.5,
        tools: [WRITE_EMAIL_TOOL],
        tool_choice: { type: 'function', function: { name: 'write_email' } },
        messages: buildEmailDraftMessages({
          sender: { name: sender.name, title: sender.title, company: tenant.name, phone: sender.phone, email: sender.email },
          contact: { name: contact.name, company: contact.company, stage: contact.stage, notes: contact.notes, tags: contact.tags },
          history: history.map((m) => ({ direction: m.direction, body: m.body, at: m.createdAt })),
          instructions: draft.instructions,
          taskTitle: task?.title ?? null,
        }),
      });
      const call = completion.choices[0]?.message.tool_calls?.find((c) => c.type === 'function' && c.function.name === 'write_email');
      const args = call?.type === 'function' ? call.function.arguments : null;
      const written = args ? ZWritten.safeParse(JSON.parse(args)) : null;
      if (!written?.success) throw new Error('the model did not answer with write_email');
      await finish(deps, tenantId, draftId, {
        status: 'READY',
        subject: written.data.subject,
        html: sanitizeEmailHtml(paragraphsToHtml(written.data.body, sender.emailSignature || [sender.name, sender.title, tenant.name, sender.phone].filter(Boolean).join('\n'))),
      });
      deps.log.info({ tenantId, draftId }, 'email draft written');
    } catch (err) {
      if (attempt < maxAttempts) throw err;
      deps.log.warn({ tenantId, draftId, err: err instanceof Error ? err.message : String(err) }, 'email draft failed');
      await finish(deps, tenantId, draftId, { status: 'FAILED', error: 'The AI could not write a draft. Try again, or write the email yourself.' });
    }
  };
