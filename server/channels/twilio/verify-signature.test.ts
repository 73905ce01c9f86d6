import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { signTwilioRequest, verifyTwilioSignature, type TwilioParams } from './verify-signature.ts';

type Case = {
  name: string;
  auth_token?: string;
  url_signed?: string;
  url_presented_to_validator?: string;
  url?: string;
  params?: TwilioParams;
  expected_signature?: string;
  signature?: string | null;
  expected?: boolean;
};
const { cases } = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../tests/fixtures/provider-vectors/twilio-signature.json'), 'utf8')) as { cases: Case[] };

describe('verifyTwilioSignature with Twilio SDK vectors', () => {
  for (const c of cases.filter((c) => c.expected_signature)) {
    it(c.name, () => {
      expect(signTwilioRequest(c.auth_token!, c.url_signed!, c.params!)).toBe(c.expected_signature);
      const url = c.url_presented_to_validator ?? c.url_signed!;
      expect(verifyTwilioSignature({ authToken: c.auth_token!, url, params: c.params!, signature: c.expected_signature })).toBe(true);
    });
  }
  for (const c of cases.filter((c) => c.expected === false)) {
    it(c.name, () => {
      const canonical = cases[0]!;
      const signature = c.signature ?? undefined;
      expect(verifyTwilioSignature({ authToken: '12345', url: canonical.url_signed!, params: canonical.params!, signature })).toBe(false);
    });
  }

  it('refuses a changed parameter, an added parameter, another URL and another token', () => {
    const c = cases[0]!;
    const ok = { authToken: c.auth_token!, url: c.url_signed!, params: c.params!, signature: c.expected_signature };
    expect(verifyTwilioSignature(ok)).toBe(true);
    expect(verifyTwilioSignature({ ...ok, params: { ...c.params!, Digits: '1235' } })).toBe(false);
    expect(verifyTwilioSignature({ ...ok, params: { ...c.params!, Extra: 'x' } })).toBe(false);
    expect(verifyTwilioSignature({ ...ok, url: 'https://mycompany.com/other.php?foo=1&bar=2' })).toBe(false);
    expect(verifyTwilioSignature({ ...ok, authToken: '54321' })).toBe(false);
  });

  it('verifies a JSON body through its bodySHA256 and refuses a tampered body', () => {
    const body = Buffer.from('{"MessageSid":"SM1"}');
    const url = `https://example.com/hook?bodySHA256=${createHash('sha256').update(body).digest('hex')}`;
    const signature = signTwilioRequest('tok', url, {});
    expect(verifyTwilioSignature({ authToken: 'tok', url, params: {}, signature, rawBody: body })).toBe(true);
    expect(verifyTwilioSignature({ authToken: 'tok', url, params: {}, signature, rawBody: Buffer.from('{"MessageSid":"SM2"}') })).toBe(false);
  });
});
