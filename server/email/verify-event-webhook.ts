import { createPublicKey, createVerify, type KeyObject } from 'node:crypto';

/**
 * SendGrid's Signed Event Webhook: ECDSA P-256 / SHA-256 over the UTF-8 bytes of the
 * `X-Twilio-Email-Event-Webhook-Timestamp` header value followed by the raw body (no separator),
 * signature in `X-Twilio-Email-Event-Webhook-Signature` as base64 DER. Always verified on the
 * bytes received: SendGrid's body ends in `\r\n` and separates events with `\r\n`, so
 * re-serialised JSON never verifies.
 */
export const SENDGRID_SIGNATURE_HEADER = 'x-twilio-email-event-webhook-signature';
export const SENDGRID_TIMESTAMP_HEADER = 'x-twilio-email-event-webhook-timestamp';

const PEM = /-----BEGIN PUBLIC KEY-----([\s\S]*?)-----END PUBLIC KEY-----/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * The verification key as SendGrid shows it (base64 DER SubjectPublicKeyInfo) or wrapped in PEM
 * armour; null for anything else, including keys on another curve.
 */
export const parseSendgridPublicKey = (publicKey: string): KeyObject | null => {
  const body = (PEM.exec(publicKey)?.[1] ?? publicKey).replace(/\s+/g, '');
  if (!body || !BASE64.test(body)) return null;
  try {
    const key = createPublicKey({ key: Buffer.from(body, 'base64'), format: 'der', type: 'spki' });
    return key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1' ? key : null;
  } catch {
    return null;
  }
};

export const verifySendgridSignature = (opts: { publicKey: string; signature: string; timestamp: string; rawBody: Buffer }): boolean => {
  const { publicKey, signature, timestamp, rawBody } = opts;
  if (typeof signature !== 'string' || typeof timestamp !== 'string' || !Buffer.isBuffer(rawBody)) return false;
  const sig = signature.trim();
  if (!timestamp || !sig || !BASE64.test(sig)) return false;
  const key = typeof publicKey === 'string' ? parseSendgridPublicKey(publicKey) : null;
  if (!key) return false;
  try {
    const verifier = createVerify('sha256');
    verifier.update(Buffer.from(timestamp, 'utf8'));
    verifier.update(rawBody);
    verifier.end();
    return verifier.verify({ key, dsaEncoding: 'der' }, Buffer.from(sig, 'base64'));
  } catch {
    return false;
  }
};
