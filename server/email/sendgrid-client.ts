import sendgridClient from '@sendgrid/client';
import sendgridMail from '@sendgrid/mail';

/** The SDK's mail service (the type of its singleton, an instance of its MailService class). */
export type MailService = typeof sendgridMail;
type SendgridClient = typeof sendgridClient;

// The packages export their classes beside `export =` (module.exports.MailService / .Client), typed
// in a way TypeScript cannot import by name under verbatimModuleSyntax; they are read off the
// default exports here, typed by the instances they make. (`@sendgrid/client` is `@sendgrid/mail`'s
// own dependency, same release; the base URL can only be set on a client.)
const { MailService } = sendgridMail as unknown as { MailService: new () => MailService };
const { Client } = sendgridClient as unknown as { Client: new () => SendgridClient };

/**
 * A `@sendgrid/mail` service for one API key, optionally pointed at another base URL (the fake in
 * tests and dev, SENDGRID_BASE_URL). The SDK has no base-URL option: `setApiKey` resets the base
 * URL to the region host, so the override is set on the client afterwards. One instance per send
 * (workspaces have their own keys; the SDK's default export is a process-wide singleton).
 */
export const createSendgridMailer = (apiKey: string, baseUrl: string | null, timeoutMs = 20_000): MailService => {
  const client = new Client();
  client.setApiKey(apiKey);
  if (baseUrl) client.setDefaultRequest('baseUrl', baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
  const mailer = new MailService();
  mailer.setClient(client);
  // The SDK sets no timeout by default: a stalled connection would hold a send job forever.
  mailer.setTimeout(timeoutMs);
  return mailer;
};

export type SendOutcome =
  | { ok: true; providerMessageId: string | null }
  | { ok: false; retryable: boolean; status: number | null; error: string };

type SdkError = Error & { code?: number; response?: { body?: unknown; headers?: Record<string, string> } };

/** SendGrid's error body `{ errors: [{ message, field }] }` as one readable line. */
const describe = (err: SdkError): string => {
  const body = err.response?.body as { errors?: Array<{ message?: string; field?: string | null }> } | undefined;
  const parts = (body?.errors ?? []).map((e) => (e.field ? `${e.field}: ${e.message ?? ''}` : (e.message ?? ''))).filter(Boolean);
  return (parts.length > 0 ? parts.join('; ') : err.message).slice(0, 500);
};

/**
 * Sends one mail and classifies the result: 2xx ok (with X-Message-Id, the first part of the
 * events' sg_message_id); 429, 5xx and network failures retryable; other 4xx final.
 */
export const sendThroughSendgrid = async (mailer: MailService, data: Parameters<MailService['send']>[0]): Promise<SendOutcome> => {
  try {
    const [response] = await mailer.send(data);
    const id = response.headers['x-message-id'];
    return { ok: true, providerMessageId: typeof id === 'string' ? id : null };
  } catch (raw) {
    const err = raw as SdkError;
    const status = typeof err.code === 'number' && err.code >= 100 ? err.code : null;
    const retryable = status === null || status === 429 || status >= 500;
    return { ok: false, retryable, status, error: describe(err) };
  }
};
