import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SecretBox, loadSecretsKey } from './secret-box.ts';

describe('SecretBox', () => {
  const box = new SecretBox(randomBytes(32));

  it('round-trips a value and never stores it in clear', () => {
    const sealed = box.seal({ accessToken: 'EAAG-very-secret' });
    expect(sealed).not.toContain('EAAG');
    expect(box.open(sealed)).toEqual({ accessToken: 'EAAG-very-secret' });
  });
  it('seals the same value differently every time (random IV)', () => {
    expect(box.seal('x')).not.toBe(box.seal('x'));
  });
  it('refuses a tampered ciphertext and another key', () => {
    const sealed = box.seal('secret');
    const bytes = Buffer.from(sealed.slice(3), 'base64');
    bytes[bytes.length - 1]! ^= 1;
    expect(() => box.open(`v1:${bytes.toString('base64')}`)).toThrow();
    expect(() => new SecretBox(randomBytes(32)).open(sealed)).toThrow();
  });
  it('refuses a key of the wrong length', () => {
    expect(() => new SecretBox(randomBytes(16))).toThrow(/32 bytes/);
  });
});

describe('loadSecretsKey', () => {
  it('generates a key once per data directory and reuses it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sb-key-'));
    try {
      const first = loadSecretsKey(null, dir);
      expect(first.source).toBe('file');
      expect(loadSecretsKey(null, dir).key.equals(first.key)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('prefers SECRETS_KEY', () => {
    const key = randomBytes(32).toString('base64');
    expect(loadSecretsKey(key, '/nonexistent')).toMatchObject({ source: 'env' });
  });
});
