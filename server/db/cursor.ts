import { AppError } from '../../src/errors.ts';

/** A keyset position: a sort time and the id breaking ties (plus an optional kind for merged lists). */
export type KeysetCursor = { at: string; id: string; kind?: string };

export const encodeCursor = (c: KeysetCursor): string => Buffer.from(JSON.stringify(c)).toString('base64url');

export const decodeCursor = (raw: string): KeysetCursor => {
  try {
    const parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as KeysetCursor;
    if (
      typeof parsed.at === 'string' &&
      typeof parsed.id === 'string' &&
      (parsed.kind === undefined || typeof parsed.kind === 'string') &&
      !Number.isNaN(Date.parse(parsed.at))
    ) {
      return parsed;
    }
  } catch {
    // fall through
  }
  throw new AppError('INVALID_INPUT', { userMessage: 'That page link is no longer valid. Reload the list.' });
};
