import type { Logger } from '../logger.ts';

type Level = 'debug' | 'info' | 'warn' | 'error';

/**
 * A call's log lines carry its request id. A pino child per context would do the same, but a
 * WebSocket context lives as long as its connection, and ten thousand idle screens would each
 * hold a child logger (its bindings, strings and prototype shapes) for a handful of lines.
 */
export class RequestLog {
  constructor(
    private readonly root: Logger,
    private readonly requestId: string,
  ) {}

  debug(fields: object, message: string): void {
    this.write('debug', fields, message);
  }

  info(fields: object, message: string): void {
    this.write('info', fields, message);
  }

  warn(fields: object, message: string): void {
    this.write('warn', fields, message);
  }

  error(fields: object, message: string): void {
    this.write('error', fields, message);
  }

  private write(level: Level, fields: object, message: string): void {
    if (this.root.isLevelEnabled(level)) this.root[level]({ requestId: this.requestId, ...fields }, message);
  }
}
