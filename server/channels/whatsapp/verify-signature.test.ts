import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { signMetaBody, verifyMetaSignature } from './verify-signature.ts';

const vector = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../tests/fixtures/provider-vectors/whatsapp-cloud-signature.json'), 'utf8')) as {
  upstream_vector: { app_secret: string; raw_body: string; header_value: string };
};
const { app_secret: secret, raw_body: body, header_value: header } = vector.upstream_vector;

describe('verifyMetaSignature', () => {
  it("verifies Meta SDK's own vector", () => {
    expect(verifyMetaSignature(secret, Buffer.from(body), header)).toBe(true);
    expect(signMetaBody(secret, body)).toBe(header);
  });
  it('refuses a tampered body, a wrong secret, a missing or malformed header', () => {
    expect(verifyMetaSignature(secret, Buffer.from(`${body} `), header)).toBe(false);
    expect(verifyMetaSignature('OTHER_SECRET', Buffer.from(body), header)).toBe(false);
    expect(verifyMetaSignature(secret, Buffer.from(body), undefined)).toBe(false);
    expect(verifyMetaSignature(secret, Buffer.from(body), header.replace('sha256=', 'sha1='))).toBe(false);
    expect(verifyMetaSignature(secret, Buffer.from(body), 'sha256=zz')).toBe(false);
    expect(verifyMetaSignature(secret, Buffer.from(body), header.slice(0, -2))).toBe(false);
  });
  it('verifies the raw bytes, so a re-serialised body with escaped unicode does not pass', () => {
    const raw = Buffer.from('{"text":"caf\\u00e9"}');
    const signature = signMetaBody(secret, raw);
    expect(verifyMetaSignature(secret, raw, signature)).toBe(true);
    expect(verifyMetaSignature(secret, Buffer.from(JSON.stringify(JSON.parse(raw.toString()))), signature)).toBe(false);
  });
});
