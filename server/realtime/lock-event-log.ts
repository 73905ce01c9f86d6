import type { Tx } from '../db/client.ts';

/**
 * Takes the tenant's event-counter row lock up front. Every write that emits events holds this
 * lock until commit anyway (appendEvents bumps the row); taking it first serialises a tenant's
 * multi-row writes in one order, so they cannot deadlock, and makes check-then-insert logic
 * (dedupe by provider id, find-or-create contact) race-free within the tenant.
 */
export const lockEventLog = async (tx: Tx, tenantId: string): Promise<void> => {
  await tx.$queryRaw`SELECT 1 FROM "EventCounter" WHERE "tenantId" = ${tenantId}::uuid FOR UPDATE`;
};
