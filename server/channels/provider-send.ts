import { providerFetch, type ProviderUrlPolicy } from '../http/provider-fetch.ts';

/** What a provider said about one send attempt. */
export type SendOutcome =
  | { ok: true; providerMessageId: string }
  | { ok: false; retryable: boolean; code: string; title: string };

export type OutboundPayload =
  | { kind: 'text'; to: string; body: string; replyToProviderId: string | null }
  | { kind: 'template'; to: string; name: string; language: string; variables: string[] };

const SEND_TIMEOUT_MS = 15_000;

/** Network failures, timeouts, 429 and 5xx are worth retrying; any other 4xx will fail the same way again. */
export const retryableStatus = (status: number) => status === 429 || status >= 500;

export const postToProvider = async (
  url: string,
  init: { headers: Record<string, string>; body: string },
  policy: ProviderUrlPolicy,
): Promise<{ ok: true; status: number; json: unknown } | { ok: false; error: string }> => {
  try {
    const res = await providerFetch(url, { method: 'POST', ...init, signal: AbortSignal.timeout(SEND_TIMEOUT_MS) }, policy);
    const text = await res.text();
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    return { ok: true, status: res.status, json };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
};
