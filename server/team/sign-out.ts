import { hashToken } from '../auth/token.ts';
import type { Deps } from '../deps.ts';
import { publishControl } from '../realtime/publish-events.ts';

/** Ends one browser session, and closes its open WebSockets on every node. */
export const signOut = async (deps: Deps, { sessionId }: { sessionId: string }): Promise<void> => {
  await deps.lucia.invalidateSession(sessionId);
  await publishControl(deps, { type: 'session.ended', sessionKey: hashToken(sessionId) });
};
