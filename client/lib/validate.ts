import type { z } from 'zod';

/**
 * Runs the API's own input schema in the browser, so the form says what the server would say
 * (same rules, same words) without a round trip. The server stays the authority.
 */
export const validate = <T extends z.ZodType>(schema: T, values: unknown): Record<string, string> => {
  const result = schema.safeParse(values);
  if (result.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = String(issue.path[0] ?? '');
    if (key && !errors[key]) errors[key] = issue.message;
  }
  return errors;
};
