import { createHash, randomBytes } from 'node:crypto';

/** Tokens (sessions, invites) are stored only as this hash, so a leaked table grants nothing. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export const newToken = (): string => randomBytes(32).toString('base64url');
