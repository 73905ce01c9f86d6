import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const VERSION = 'v1';

/**
 * Encrypts provider secrets at rest with AES-256-GCM. The sealed form names its version, so the
 * key or algorithm can rotate later without guessing which rows are which.
 */
export class SecretBox {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('SECRETS_KEY must be 32 bytes (base64-encoded)');
  }

  seal(value: unknown): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const ciphertext = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
    return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64')}`;
  }

  open<T>(sealed: string): T {
    const [version, payload] = sealed.split(':');
    if (version !== VERSION || !payload) throw new Error('Unknown secret format');
    const raw = Buffer.from(payload, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    const plain = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]);
    return JSON.parse(plain.toString('utf8')) as T;
  }
}

/**
 * The key from SECRETS_KEY, or — for a machine without one configured — a key generated once
 * and kept in the data directory beside the embedded database.
 */
export const loadSecretsKey = (configured: string | null, dataDir: string): { key: Buffer; source: 'env' | 'file' } => {
  if (configured) return { key: Buffer.from(configured, 'base64'), source: 'env' };
  const file = resolve(dataDir, 'secrets.key');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 });
  }
  return { key: Buffer.from(readFileSync(file, 'utf8').trim(), 'base64'), source: 'file' };
};
