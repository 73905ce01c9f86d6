import type { Session, User } from 'lucia';
import type { WebSocket } from 'ws';

/**
 * The session check a WebSocket upgrade made, offered once to the socket's first `events.stream`
 * call, which every browser sends the moment it connects. Checking again there was a second
 * query per connection (1,000 screens reconnecting after a deploy: 1,000 more) that could only
 * repeat the answer: the stream needs an active session of the workspace and nothing more (every
 * role may watch it), and the upgrade has just established exactly that. The answer is not used
 * when it may have changed since:
 * - a sign-out or deactivation reached this node after the check (`stillValid`, the socket
 *   registry's mark; those commit and then tell every node),
 * - the session has expired,
 * - it is older than `REUSE_MS` (a client that waited this long asks again).
 * Every other call, and a second stream, checks the session as before.
 */
export const REUSE_MS = 5000;

export type UpgradeCheck = { session: Session; user: User; at: number; stillValid: () => boolean };

const checks = new WeakMap<WebSocket, UpgradeCheck>();

export const rememberUpgradeCheck = (socket: WebSocket, check: UpgradeCheck): void => {
  checks.set(socket, check);
};

export const takeUpgradeCheck = (socket: WebSocket, now = Date.now()): { session: Session; user: User } | null => {
  const check = checks.get(socket);
  if (!check) return null;
  checks.delete(socket);
  if (now - check.at > REUSE_MS || check.session.expiresAt.getTime() <= now || !check.stillValid()) return null;
  return { session: check.session, user: check.user };
};
