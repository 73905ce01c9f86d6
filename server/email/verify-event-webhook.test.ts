import { generateKeyPairSync, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSendgridPublicKey, verifySendgridSignature } from './verify-event-webhook.ts';

type VectorCase = { name: string; public_key: string; payload_base64: string; signature: string; timestamp: string; expected: boolean };
const vectors = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../tests/fixtures/provider-vectors/sendgrid-event-webhook.json'), 'utf8')) as { cases: VectorCase[] };

const valid = vectors.cases.find((c) => c.name === 'valid single event')!;
const base = { publicKey: valid.public_key, signature: valid.signature, timestamp: valid.timestamp, rawBody: Buffer.from(valid.payload_base64, 'base64') };

const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ format: 'der', type: 'spki' }).toString('base64');

const pem = (b64: string) => `-----BEGIN PUBLIC KEY-----\n${b64.match(/.{1,64}/g)!.join('\n')}\n-----END PUBLIC KEY-----\n`;

/** A fresh key pair signing like SendGrid: ECDSA P-256, SHA-256 over timestamp + body, DER. */
const account = (namedCurve = 'prime256v1') => {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve });
  return {
    publicKey: publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
    sign: (timestamp: string, body: Buffer) => sign('sha256', Buffer.concat([Buffer.from(timestamp), body]), { key: privateKey, dsaEncoding: 'der' }).toString('base64'),
  };
};

describe('verifySendgridSignature', () => {
  it('has at least one accepted and one refused vector (the file was read)', () => {
    expect(vectors.cases.filter((c) => c.expected).length).toBeGreaterThan(0);
    expect(vectors.cases.filter((c) => !c.expected).length).toBeGreaterThan(0);
  });

  for (const vector of vectors.cases) {
    it(`shared vector "${vector.name}" → ${vector.expected ? 'verifies' : 'refused'}`, () => {
      expect(
        verifySendgridSignature({ publicKey: vector.public_key, signature: vector.signature, timestamp: vector.timestamp, rawBody: Buffer.from(vector.payload_base64, 'base64') }),
      ).toBe(vector.expected);
    });
  }

  it('accepts the key wrapped in PEM armour as well as bare base64 DER', () => {
    expect(verifySendgridSignature({ ...base, publicKey: pem(valid.public_key) })).toBe(true);
    expect(verifySendgridSignature({ ...base, publicKey: `  ${valid.public_key}\n` })).toBe(true);
  });

  it('refuses a tampered body: one byte changed, the trailing CRLF dropped, a byte appended', () => {
    const flipped = Buffer.from(base.rawBody);
    flipped[10] = flipped[10]! ^ 0x01;
    expect(verifySendgridSignature({ ...base, rawBody: flipped })).toBe(false);
    expect(verifySendgridSignature({ ...base, rawBody: base.rawBody.subarray(0, -2) })).toBe(false);
    expect(verifySendgridSignature({ ...base, rawBody: Buffer.concat([base.rawBody, Buffer.from(' ')]) })).toBe(false);
    expect(verifySendgridSignature({ ...base, rawBody: Buffer.alloc(0) })).toBe(false);
  });

  it('refuses a re-serialised JSON body (same events, different bytes)', () => {
    // The vector's single event re-serialises to its exact bytes minus the trailing CRLF.
    const reserialised = JSON.stringify(JSON.parse(base.rawBody.toString('utf8')));
    expect(verifySendgridSignature({ ...base, rawBody: Buffer.from(reserialised) })).toBe(false);
    expect(verifySendgridSignature({ ...base, rawBody: Buffer.from(JSON.stringify(JSON.parse(base.rawBody.toString('utf8')), null, 2)) })).toBe(false);
    // SendGrid's multi-event layout puts CRLF between events; JSON.stringify does not.
    const fresh = account();
    const raw = Buffer.from('[{"event":"open","timestamp":1700000000},\r\n{"event":"click","timestamp":1700000001,"url":"https://x.test/caf\u00e9"}]\r\n');
    const signature = fresh.sign('1700000002', raw);
    const signed = { publicKey: fresh.publicKey, signature, timestamp: '1700000002' };
    expect(verifySendgridSignature({ ...signed, rawBody: raw })).toBe(true);
    expect(verifySendgridSignature({ ...signed, rawBody: Buffer.from(JSON.stringify(JSON.parse(raw.toString('utf8')))) })).toBe(false);
    expect(verifySendgridSignature({ ...signed, rawBody: Buffer.from(`${JSON.stringify(JSON.parse(raw.toString('utf8')))}\r\n`) })).toBe(false);
  });

  it('refuses a tampered timestamp', () => {
    for (const timestamp of [String(Number(valid.timestamp) + 1), `${valid.timestamp} `, `0${valid.timestamp}`, '', valid.timestamp.slice(1)]) {
      expect(verifySendgridSignature({ ...base, timestamp })).toBe(false);
    }
  });

  it('refuses a tampered signature: a flipped bit, truncated, another signature of the same key', () => {
    const der = Buffer.from(valid.signature, 'base64');
    for (let i = 8; i < der.length; i += 7) {
      const flipped = Buffer.from(der);
      flipped[i] = flipped[i]! ^ 0x04;
      expect(verifySendgridSignature({ ...base, signature: flipped.toString('base64') })).toBe(false);
    }
    expect(verifySendgridSignature({ ...base, signature: der.subarray(0, -1).toString('base64') })).toBe(false);
    const other = vectors.cases.find((c) => c.name === 'reject: bad signature')!;
    expect(verifySendgridSignature({ ...base, signature: other.signature })).toBe(false);
  });

  it('refuses a signature made with another key, and the right signature under another key', () => {
    const stranger = account();
    expect(verifySendgridSignature({ ...base, signature: stranger.sign(valid.timestamp, base.rawBody) })).toBe(false);
    expect(verifySendgridSignature({ ...base, publicKey: stranger.publicKey })).toBe(false);
  });

  it('verifies a freshly generated P-256 signature over timestamp + raw body', () => {
    const fresh = account();
    const body = Buffer.from('[{"event":"open","timestamp":1700000000,"sg_event_id":"a"},\r\n{"event":"click","timestamp":1700000001}]\r\n');
    const signature = fresh.sign('1700000002', body);
    expect(verifySendgridSignature({ publicKey: fresh.publicKey, signature, timestamp: '1700000002', rawBody: body })).toBe(true);
    expect(verifySendgridSignature({ publicKey: fresh.publicKey, signature, timestamp: '1700000003', rawBody: body })).toBe(false);
  });

  it('refuses keys on another curve even when the signature matches them', () => {
    const p384 = account('secp384r1');
    expect(verifySendgridSignature({ ...base, publicKey: p384.publicKey, signature: p384.sign(valid.timestamp, base.rawBody) })).toBe(false);
  });

  const garbageKeys: Array<[string, unknown]> = [
    ['empty', ''],
    ['not base64', 'not a key!'],
    ['random bytes', Buffer.from('0123456789abcdef0123456789abcdef').toString('base64')],
    ['truncated key', valid.public_key.slice(0, 40)],
    ['an RSA key', rsa],
    ['a PEM armour around nothing', '-----BEGIN PUBLIC KEY-----\n-----END PUBLIC KEY-----'],
    ['undefined', undefined],
    ['a number', 42],
  ];
  for (const [name, publicKey] of garbageKeys) {
    it(`returns false (never throws) for a garbage key: ${name}`, () => {
      expect(verifySendgridSignature({ ...base, publicKey: publicKey as string })).toBe(false);
    });
  }

  const garbageSignatures: Array<[string, unknown]> = [
    ['empty', ''],
    ['not base64', '%%%not-base64%%%'],
    ['base64 of non-DER bytes', Buffer.from('hello world, this is not DER').toString('base64')],
    ['a DER sequence with zero r and s', Buffer.from([0x30, 0x06, 0x02, 0x01, 0x00, 0x02, 0x01, 0x00]).toString('base64')],
    ['undefined', undefined],
    ['an object', { toString: () => valid.signature }],
  ];
  for (const [name, signature] of garbageSignatures) {
    it(`returns false (never throws) for a garbage signature: ${name}`, () => {
      expect(verifySendgridSignature({ ...base, signature: signature as string })).toBe(false);
    });
  }

  it('returns false for a body that is not a Buffer and a timestamp that is not a string', () => {
    expect(verifySendgridSignature({ ...base, rawBody: base.rawBody.toString('utf8') as unknown as Buffer })).toBe(false);
    expect(verifySendgridSignature({ ...base, timestamp: Number(valid.timestamp) as unknown as string })).toBe(false);
  });
});

describe('parseSendgridPublicKey', () => {
  it('reads the key as SendGrid displays it', () => {
    expect(valid.public_key.startsWith('MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE')).toBe(true);
    expect(parseSendgridPublicKey(valid.public_key)?.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
  });
  it('returns null for anything else', () => {
    expect(parseSendgridPublicKey('')).toBeNull();
    expect(parseSendgridPublicKey(rsa)).toBeNull();
    expect(parseSendgridPublicKey(valid.public_key.slice(0, 40))).toBeNull();
  });
});
