import type { WebSocket } from 'ws';

/** 4401: our close code for "your session ended"; the client signs out instead of reconnecting. */
export const SESSION_ENDED_CLOSE_CODE = 4401;

/** Open WebSockets of this node by user and by session, so a deactivation or a sign-out closes them at once. */
export class SocketRegistry {
  private readonly byUser = new Map<string, Set<WebSocket>>();
  private readonly bySession = new Map<string, Set<WebSocket>>();
  /** Counts the session endings this node has heard of, so an upgrade can tell whether one came while it was checking. */
  private endings = 0;

  add(socket: WebSocket, keys: { userId: string; sessionKey: string }): void {
    const index = (map: Map<string, Set<WebSocket>>, key: string) => {
      let set = map.get(key);
      if (!set) map.set(key, (set = new Set()));
      set.add(socket);
      socket.once('close', () => {
        set.delete(socket);
        if (set.size === 0 && map.get(key) === set) map.delete(key);
      });
    };
    index(this.byUser, keys.userId);
    index(this.bySession, keys.sessionKey);
  }

  closeUser(userId: string): number {
    this.endings++;
    return this.close(this.byUser.get(userId));
  }

  closeSession(sessionKey: string): number {
    this.endings++;
    return this.close(this.bySession.get(sessionKey));
  }

  /** The sessions (their stored ids) with an open socket on this node. */
  sessionKeys(): string[] {
    return [...this.bySession.keys()];
  }

  /** Taken before a session check; `endedSince(mark)` after registering tells whether the check may be stale. */
  mark(): number {
    return this.endings;
  }

  endedSince(mark: number): boolean {
    return this.endings !== mark;
  }

  private close(set: Set<WebSocket> | undefined): number {
    if (!set) return 0;
    for (const socket of set) socket.close(SESSION_ENDED_CLOSE_CODE, 'session ended');
    return set.size;
  }

  get size(): number {
    let n = 0;
    for (const set of this.byUser.values()) n += set.size;
    return n;
  }
}
