import type { TenantEvent } from '../../src/contracts/events.ts';
import type { ControlMessage } from './bus.ts';
import type { Deps } from '../deps.ts';

/**
 * Publishes committed events. Never throws: the events are already in the log, and a subscriber
 * that misses the message recovers them by its gap check or on resume.
 */
export const publishEvents = async (deps: Pick<Deps, 'bus' | 'log'>, tenantId: string, events: TenantEvent[]): Promise<void> => {
  if (events.length === 0) return;
  try {
    await deps.bus.publish(tenantId, events);
  } catch (err) {
    deps.log.warn({ tenantId, count: events.length, err: err instanceof Error ? err.message : String(err) }, 'event publish failed; clients recover from the log');
  }
};

/** Same contract for control messages: what they trigger is also enforced by the database (sessions are gone). */
export const publishControl = async (deps: Pick<Deps, 'bus' | 'log'>, message: ControlMessage): Promise<void> => {
  try {
    await deps.bus.publishControl(message);
  } catch (err) {
    deps.log.warn({ type: message.type, err: err instanceof Error ? err.message : String(err) }, 'control publish failed');
  }
};
