import type { Deps } from '../deps.ts';

/**
 * Every job this codebase runs, registered on the process's queue. Each feature adds its jobs
 * here; the in-process adapter and BullMQ run the same handlers.
 */
export const registerWorkers = (deps: Deps): void => {
  deps.queue.work('sessions.delete-expired', async () => {
    await deps.lucia.deleteExpiredSessions();
  });
};
