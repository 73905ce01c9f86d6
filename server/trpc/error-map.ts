import { TRPCError } from '@trpc/server';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';
import { AppError, type AppErrorCode } from '../../src/errors.ts';

// Exhaustive: adding an AppErrorCode without a mapping fails to compile.
const toTrpcCode: Record<AppErrorCode, TRPC_ERROR_CODE_KEY> = {
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  INVALID_STATE: 'PRECONDITION_FAILED',
  INVALID_INPUT: 'BAD_REQUEST',
  UNAUTHENTICATED: 'UNAUTHORIZED',
  FORBIDDEN: 'FORBIDDEN',
  RATE_LIMITED: 'TOO_MANY_REQUESTS',
};

export const toTrpcError = (err: AppError): TRPCError =>
  new TRPCError({ code: toTrpcCode[err.code], message: err.userMessage, cause: err });
