import type { EmailSettingsDto, UpdateEmailSettingsInput } from '../../src/contracts/email.ts';
import { AppError } from '../../src/errors.ts';
import type { Db, Tx } from '../db/client.ts';
import type { CrmSettings } from '../db/generated/client.ts';
import type { Deps } from '../deps.ts';
import { writeWithEvents } from '../realtime/write-with-events.ts';
import { parseSendgridPublicKey } from './verify-event-webhook.ts';

export const SENDGRID_WEBHOOK_PATH = '/webhooks/sendgrid';

type SealedKey = { apiKey: string };

/** The key a workspace sends with: its own, else the deployment's; null means the dev outbox. */
export const sendgridKeyFor = (deps: Pick<Deps, 'config' | 'secrets'>, settings: Pick<CrmSettings, 'sendgridApiKey'> | null): string | null =>
  settings?.sendgridApiKey ? deps.secrets.open<SealedKey>(settings.sendgridApiKey).apiKey : deps.config.sendgrid.apiKey;

const toDto = (deps: Deps, settings: CrmSettings | null, appUrl: string): EmailSettingsDto => ({
  mode: sendgridKeyFor(deps, settings) ? 'sendgrid' : 'outbox',
  fromAddress: settings?.fromAddress ?? null,
  fromName: settings?.fromName ?? '',
  apiKeySet: Boolean(settings?.sendgridApiKey),
  webhookPublicKey: settings?.webhookPublicKey ?? null,
  globalWebhookKey: deps.config.sendgrid.webhookPublicKey !== null,
  webhookUrl: `${appUrl}${SENDGRID_WEBHOOK_PATH}`,
});

export const loadCrmSettings = (db: Db | Tx, tenantId: string): Promise<CrmSettings | null> => db.crmSettings.findUnique({ where: { tenantId } });

export const getEmailSettings = async (deps: Deps, { tenantId, appUrl }: { tenantId: string; appUrl: string }): Promise<EmailSettingsDto> =>
  toDto(deps, await loadCrmSettings(deps.db, tenantId), appUrl);

export const updateEmailSettings = (
  deps: Deps,
  { tenantId, actorId, appUrl }: { tenantId: string; actorId: string; appUrl: string },
  input: UpdateEmailSettingsInput,
): Promise<EmailSettingsDto> => {
  // Stored as SendGrid shows it (base64 DER); a PEM paste is accepted and converted.
  let webhookPublicKey: string | null | undefined = input.webhookPublicKey;
  if (input.webhookPublicKey) {
    const parsed = parseSendgridPublicKey(input.webhookPublicKey);
    if (!parsed) throw new AppError('INVALID_INPUT', { userMessage: 'That is not an Event Webhook verification key. Copy it from SendGrid → Mail Settings → Signed Event Webhook.' });
    webhookPublicKey = parsed.export({ format: 'der', type: 'spki' }).toString('base64');
  }
  const data = {
    ...(input.fromAddress !== undefined ? { fromAddress: input.fromAddress } : {}),
    ...(input.fromName !== undefined ? { fromName: input.fromName } : {}),
    ...(input.apiKey !== undefined ? { sendgridApiKey: input.apiKey ? deps.secrets.seal({ apiKey: input.apiKey }) : null } : {}),
    ...(webhookPublicKey !== undefined ? { webhookPublicKey } : {}),
  };
  return writeWithEvents(deps, tenantId, async (tx) => {
    const settings = await tx.crmSettings.upsert({ where: { tenantId }, create: { tenantId, ...data }, update: data });
    const dto = toDto(deps, settings, appUrl);
    return { result: dto, events: [{ type: 'email_settings.updated', actorId, payload: { mode: dto.mode } }] };
  });
};
