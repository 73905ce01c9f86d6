import { TRPCClientError } from '@trpc/client';
import type { AppRouter } from '../../server/trpc/app-router.ts';

type ApiError = TRPCClientError<AppRouter>;

const isApiError = (err: unknown): err is ApiError => err instanceof TRPCClientError;

const OFFLINE_MESSAGE = "Can't reach Switchboard. Check your connection and try again.";
const GENERIC_MESSAGE = 'Something went wrong. Please try again.';

/**
 * The sentence to show for a failed call. The server's message is user-safe by contract
 * (server/trpc/init.ts) except for input validation, whose detail belongs next to the fields.
 */
export const toUserMessage = (err: unknown): string => {
  if (!isApiError(err)) return GENERIC_MESSAGE;
  const data = err.data;
  // No error shape: the request never reached the API (offline, DNS, proxy page).
  if (!data) return OFFLINE_MESSAGE;
  if (data.fieldErrors) return 'Please correct the highlighted fields.';
  return err.message || GENERIC_MESSAGE;
};

/** Per-field messages from the server's validation (`data.fieldErrors`), first message per field. */
export const fieldErrorsOf = (err: unknown): Record<string, string> => {
  if (!isApiError(err) || !err.data?.fieldErrors) return {};
  const out: Record<string, string> = {};
  for (const [field, messages] of Object.entries(err.data.fieldErrors)) {
    const first = (messages as string[] | undefined)?.[0];
    if (first) out[field] = first;
  }
  return out;
};

export const isUnauthorized = (err: unknown): boolean => isApiError(err) && err.data?.code === 'UNAUTHORIZED';

export const procedurePathOf = (err: unknown): string | null => (isApiError(err) ? (err.data?.path ?? null) : null);

/** Client mistakes and refusals do not get better by asking again. */
export const isRetryable = (err: unknown): boolean => {
  if (!isApiError(err)) return true;
  const status = err.data?.httpStatus;
  return status === undefined || status >= 500 || status === 408;
};
