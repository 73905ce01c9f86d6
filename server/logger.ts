import { pino, type Logger } from 'pino';

export type { Logger };

export const createLogger = (level: string): Logger =>
  pino({
    level,
    base: { service: 'switchboard' },
    // Never log secrets even if a caller passes a whole object by mistake.
    redact: ['password', '*.password', 'token', '*.token', 'passwordHash', '*.passwordHash', 'req.headers.cookie'],
  });
