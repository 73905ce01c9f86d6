import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export type TwilioParams = Record<string, string | string[]>;

/** Twilio's string to sign: the URL, then every POST parameter name+value in sorted order (multi-values deduplicated and sorted). */
const stringToSign = (url: string, params: TwilioParams): string => {
  let out = url;
  for (const name of Object.keys(params).sort()) {
    const value = params[name]!;
    const values = Array.isArray(value) ? [...new Set(value)].sort() : [value];
    for (const v of values) out += name + v;
  }
  return out;
};

export const signTwilioRequest = (authToken: string, url: string, params: TwilioParams): string =>
  createHmac('sha1', authToken).update(stringToSign(url, params), 'utf8').digest('base64');

/**
 * Twilio's SDKs accept the URL as configured, with the port removed, or with the default port
 * added, because "signature generation on the back end is inconsistent".
 */
const urlVariants = (url: string): string[] => {
  const parsed = new URL(url);
  const defaultPort = parsed.protocol === 'https:' ? '443' : '80';
  const withoutPort = new URL(url);
  withoutPort.port = '';
  const withPort = `${parsed.protocol}//${parsed.hostname}:${parsed.port || defaultPort}${parsed.pathname}${parsed.search}`;
  return [...new Set([url, withoutPort.toString(), withPort])];
};

const equal = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/**
 * Verifies X-Twilio-Signature for a form POST (params = every received field) or, for a JSON
 * body, the `bodySHA256` query parameter scheme (params empty, rawBody given).
 */
export const verifyTwilioSignature = (opts: {
  authToken: string;
  url: string;
  params: TwilioParams;
  signature: string | undefined;
  rawBody?: Buffer;
}): boolean => {
  const { authToken, url, params, signature } = opts;
  if (!signature) return false;
  const bodyHash = new URL(url).searchParams.get('bodySHA256');
  if (bodyHash !== null) {
    if (!opts.rawBody || !equal(createHash('sha256').update(opts.rawBody).digest('hex'), bodyHash)) return false;
    return urlVariants(url).some((u) => equal(signTwilioRequest(authToken, u, {}), signature));
  }
  return urlVariants(url).some((u) => equal(signTwilioRequest(authToken, u, params), signature));
};
