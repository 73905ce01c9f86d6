import type { EventDraft, TenantEvent } from '../../src/contracts/events.ts';
import type { Tx } from '../db/client.ts';
import type { Deps } from '../deps.ts';
import { appendEvents } from './event-log.ts';
import { lockEventLog } from './lock-event-log.ts';
import { publishEvents } from './publish-events.ts';

/**
 * The one way a service changes tenant data: a transaction that first takes the tenant's
 * event-log lock (so every writer locks in the same order and cannot deadlock), does the work,
 * appends its events, commits, then publishes. A throw rolls everything back, events included.
 */
export const writeWithEvents = async <T>(
  deps: Pick<Deps, 'db' | 'bus' | 'log'>,
  tenantId: string,
  work: (tx: Tx) => Promise<{ result: T; events: EventDraft[] }>,
): Promise<T> => {
  const { result, committed } = await deps.db.$transaction(async (tx) => {
    await lockEventLog(tx, tenantId);
    const { result, events } = await work(tx);
    return { result, committed: await appendEvents(tx, tenantId, events) as TenantEvent[] };
  });
  await publishEvents(deps, tenantId, committed);
  return result;
};
