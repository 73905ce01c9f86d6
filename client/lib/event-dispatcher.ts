import type { TenantEvent } from '../../src/contracts/events.ts';

/**
 * Fans the app's single `events.stream` subscription out to each feature's cache-patching hook,
 * so features stay independent of each other and of the transport.
 */
type Listener = (event: TenantEvent) => void;

const listeners = new Set<Listener>();

export const onTenantEvent = (listener: Listener): (() => void) => {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
};

export const dispatchTenantEvent = (event: TenantEvent): void => {
  for (const listener of listeners) listener(event);
};
