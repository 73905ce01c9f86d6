import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Meta signs every Cloud API webhook with X-Hub-Signature-256: `sha256=` + hex HMAC-SHA256 of
 * the raw body under the app secret. Always verified on the bytes received, never on re-serialised JSON.
 */
export const verifyMetaSignature = (appSecret: string, rawBody: Buffer, header: string | undefined): boolean => {
  if (!header?.startsWith('sha256=')) return false;
  const received = Buffer.from(header.slice('sha256='.length), 'hex');
  const expected = createHmac('sha256', appSecret).update(rawBody).digest();
  return received.length === expected.length && timingSafeEqual(received, expected);
};

export const signMetaBody = (appSecret: string, rawBody: Buffer | string): string =>
  `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`;
