import { z } from 'zod';
import { appRouter } from '../../server/trpc/app-router.ts';

const rowIdKeys = (input: unknown, notRowIds: readonly string[]): string[] => {
  let schema = input instanceof z.ZodOptional ? input.unwrap() : input;
  if (schema instanceof z.ZodPipe) schema = schema.in;
  if (schema instanceof z.ZodObject) return Object.keys(schema.shape).filter((k) => /Ids?$/.test(k) && !notRowIds.includes(k));
  if (schema instanceof z.ZodDiscriminatedUnion) return schema.options.flatMap((o) => rowIdKeys(o, notRowIds));
  return [];
};

/**
 * The procedures `include` picks whose input names one of our rows by id (`…Id`, `…Ids`), for
 * guard tests that fail when a new such procedure has no cross-tenant case. `notRowIds`: keys
 * that end in Id but are not our rows (a provider's id, an id the client makes up).
 */
export const idTakingProcedures = (include: (path: string) => boolean, notRowIds: readonly string[] = []): string[] => {
  const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { inputs: unknown[] } }>;
  return Object.entries(procedures)
    .filter(([path]) => include(path))
    .filter(([, p]) => p._def.inputs.some((input) => rowIdKeys(input, notRowIds).length > 0))
    .map(([path]) => path);
};
