import type { z } from 'zod';

/**
 * Runs the API's own input schema in the browser, so the form says what the server would say
 * (same rules, same words) without a round trip. The server stays the authority.
 */
export const validate = <T extends z.ZodType>(
  schema: T,
  values: unknown,
  opts: { required?: string } = {},
): Record<string, string> => {
  const result = schema.safeParse(values);
  if (result.success) return {};
  const errors: Record<string, string> = {};
  const given = (values ?? {}) as Record<string, unknown>;
  for (const issue of result.error.issues) {
    const key = String(issue.path[0] ?? '');
    if (!key || errors[key]) continue;
    // An empty field is simply missing; the schema's length wording ("expected >=1 characters") says it badly.
    const empty = typeof given[key] === 'string' && (given[key] as string).trim() === '';
    errors[key] = empty && opts.required ? opts.required : issue.message;
  }
  return errors;
};
