import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { z } from 'zod';
import { appRouter } from '../../server/trpc/app-router.ts';
import type { ApiUser } from './api-client.ts';
import { refusalOf } from './factories.ts';

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

/** A procedure call made by workspace B's admin naming A's row, or `id` when given (an unknown one). */
export type CrossTenantCall<W> = (b: ApiUser, world: W, id?: string) => Promise<unknown>;

/**
 * One test per call: B naming A's row is refused exactly like an unknown id (NOT_FOUND, so the
 * refusal says nothing about A), and A's data is unchanged.
 */
export const itRefusesForeignIds = <W extends { b: { admin: ApiUser } }>(
  calls: Record<string, CrossTenantCall<W>>,
  twoWorkspaces: () => Promise<W>,
  snapshotOfA: (world: W) => Promise<unknown>,
): void =>
  it.each(Object.keys(calls))('%s with another workspace’s id is NOT_FOUND, like an unknown id, and changes nothing', async (name) => {
    const world = await twoWorkspaces();
    const before = await snapshotOfA(world);
    const foreign = await refusalOf(calls[name]!(world.b.admin, world));
    const unknown = await refusalOf(calls[name]!(world.b.admin, world, randomUUID()));
    expect(foreign).toMatchObject({ code: 'NOT_FOUND' });
    expect(foreign).toEqual(unknown);
    expect(await snapshotOfA(world)).toEqual(before);
  });
