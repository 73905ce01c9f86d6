/**
 * The one error type services throw. Routers and webhook routes map `code` to their transport
 * once (see server/trpc/error-map.ts); anything else that escapes is a bug.
 */
export type AppErrorCode =
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'INVALID_STATE'
  | 'INVALID_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'RATE_LIMITED';

export class AppError extends Error {
  readonly code: AppErrorCode;
  /** Safe to show to the user; `message` may carry detail for logs only. */
  readonly userMessage: string;
  readonly retryAfterSeconds?: number;

  constructor(
    code: AppErrorCode,
    opts: { userMessage: string; message?: string; retryAfterSeconds?: number },
  ) {
    super(opts.message ?? opts.userMessage);
    this.name = 'AppError';
    this.code = code;
    this.userMessage = opts.userMessage;
    this.retryAfterSeconds = opts.retryAfterSeconds;
  }
}
