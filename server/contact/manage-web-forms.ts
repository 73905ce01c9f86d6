import { randomBytes } from 'node:crypto';
import type { CreateWebFormInput, UpdateWebFormInput, WebFormDto, WebFormWithSecretDto } from '../../src/contracts/contact.ts';
import { AppError } from '../../src/errors.ts';
import type { WebForm } from '../db/generated/client.ts';
import type { Deps } from '../deps.ts';
import { writeWithEvents } from '../realtime/write-with-events.ts';
import { normaliseTags, requireMember } from './contact-fields.ts';

type Actor = { tenantId: string; actorId: string; appUrl: string };
type SealedFormSecret = { secret: string };

export const FORM_WEBHOOK_PREFIX = '/webhooks/forms/';

const formNotFound = () => new AppError('NOT_FOUND', { userMessage: 'Form not found.' });

export const openFormSecret = (deps: Pick<Deps, 'secrets'>, form: Pick<WebForm, 'secret'>): string => deps.secrets.open<SealedFormSecret>(form.secret).secret;

const toDto = (f: WebForm, appUrl: string): WebFormDto => ({
  id: f.id,
  formKey: f.formKey,
  name: f.name,
  requiredFields: f.requiredFields as WebFormDto['requiredFields'],
  tags: f.tags,
  ownerId: f.ownerId,
  endpointUrl: `${appUrl}${FORM_WEBHOOK_PREFIX}${f.formKey}`,
  submissionCount: f.submissionCount,
  lastSubmissionAt: f.lastSubmissionAt ? f.lastSubmissionAt.toISOString() : null,
  createdAt: f.createdAt.toISOString(),
});

const newSecret = () => randomBytes(24).toString('base64url');

export const listWebForms = async (deps: Deps, { tenantId, appUrl }: Actor): Promise<WebFormDto[]> =>
  (await deps.db.webForm.findMany({ where: { tenantId }, orderBy: { createdAt: 'asc' } })).map((f) => toDto(f, appUrl));

export const createWebForm = (deps: Deps, { tenantId, actorId, appUrl }: Actor, input: CreateWebFormInput): Promise<WebFormWithSecretDto> =>
  writeWithEvents(deps, tenantId, async (tx) => {
    if (input.ownerId) await requireMember(tx, tenantId, input.ownerId);
    const secret = newSecret();
    const form = await tx.webForm.create({
      data: {
        tenantId,
        // Unguessable and unique across the deployment: it routes the POST to the workspace.
        formKey: randomBytes(12).toString('base64url'),
        name: input.name,
        secret: deps.secrets.seal({ secret } satisfies SealedFormSecret),
        requiredFields: [...new Set(input.requiredFields)],
        tags: normaliseTags(input.tags),
        ownerId: input.ownerId ?? null,
      },
    });
    return { result: { form: toDto(form, appUrl), secret }, events: [{ type: 'web_form.changed', actorId, payload: { formId: form.id } }] };
  });

export const updateWebForm = (deps: Deps, { tenantId, actorId, appUrl }: Actor, input: UpdateWebFormInput): Promise<WebFormDto> =>
  writeWithEvents(deps, tenantId, async (tx) => {
    const current = await tx.webForm.findFirst({ where: { id: input.formId, tenantId } });
    if (!current) throw formNotFound();
    if (input.ownerId) await requireMember(tx, tenantId, input.ownerId);
    const form = await tx.webForm.update({
      where: { id: current.id },
      data: {
        name: input.name,
        requiredFields: input.requiredFields ? [...new Set(input.requiredFields)] : undefined,
        tags: input.tags ? normaliseTags(input.tags) : undefined,
        ownerId: input.ownerId,
      },
    });
    return { result: toDto(form, appUrl), events: [{ type: 'web_form.changed', actorId, payload: { formId: form.id } }] };
  });

export const rotateWebFormSecret = (deps: Deps, { tenantId, actorId, appUrl }: Actor, { formId }: { formId: string }): Promise<WebFormWithSecretDto> =>
  writeWithEvents(deps, tenantId, async (tx) => {
    const current = await tx.webForm.findFirst({ where: { id: formId, tenantId } });
    if (!current) throw formNotFound();
    const secret = newSecret();
    const form = await tx.webForm.update({ where: { id: current.id }, data: { secret: deps.secrets.seal({ secret } satisfies SealedFormSecret) } });
    return { result: { form: toDto(form, appUrl), secret }, events: [{ type: 'web_form.changed', actorId, payload: { formId } }] };
  });

export const deleteWebForm = (deps: Deps, { tenantId, actorId }: Actor, { formId }: { formId: string }): Promise<void> =>
  writeWithEvents(deps, tenantId, async (tx) => {
    const { count } = await tx.webForm.deleteMany({ where: { id: formId, tenantId } });
    if (count === 0) throw formNotFound();
    return { result: undefined, events: [{ type: 'web_form.changed', actorId, payload: { formId } }] };
  });
