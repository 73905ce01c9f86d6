import type { WebSocket } from 'ws';

/** Open WebSockets of this node by user, so a deactivation can close them at once. */
export class SocketRegistry {
  private readonly byUser = new Map<string, Set<WebSocket>>();

  add(userId: string, socket: WebSocket): void {
    let set = this.byUser.get(userId);
    if (!set) this.byUser.set(userId, (set = new Set()));
    set.add(socket);
    socket.once('close', () => {
      set.delete(socket);
      if (set.size === 0 && this.byUser.get(userId) === set) this.byUser.delete(userId);
    });
  }

  /** 4401: our application close code for "your session ended"; the client signs out instead of reconnecting. */
  closeUser(userId: string): number {
    const set = this.byUser.get(userId);
    if (!set) return 0;
    for (const socket of set) socket.close(4401, 'session revoked');
    return set.size;
  }

  get size(): number {
    let n = 0;
    for (const set of this.byUser.values()) n += set.size;
    return n;
  }
}
