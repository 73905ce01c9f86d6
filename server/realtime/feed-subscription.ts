import type { StreamItem } from '../../src/contracts/events.ts';

/** What a subscription needs of its feed. */
export interface Feed {
  leave(sub: FeedSubscription): void;
}

/** Where a subscription's items go: a WebSocket (its tRPC frames) or an async iterator's queue. */
export interface StreamSink {
  send(item: StreamItem): void;
  /** Holding so much unsent that it should read from the log once drained instead of buffering more. */
  readonly backedUp: boolean;
  /** Calls `resume` once, when the sink can take more (or will never need to: it is closing). */
  whenDrained(resume: () => void): void;
}

/**
 * One subscriber of a feed: its position while it catches up from the log, and, once caught up,
 * a member of the feed's live set whose position is the feed's own.
 */
export class FeedSubscription {
  /** The last seq sent, while not live. */
  cursor = 0;
  /** Live, but already sent everything up to here (it resumed ahead of this node's feed). */
  skipThrough = 0;
  closed = false;
  private wake: (() => void) | null = null;

  constructor(
    private readonly feed: Feed,
    readonly sink: StreamSink,
  ) {}

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.wake?.();
    this.feed.leave(this);
  }

  /**
   * Resolves when the sink drained or the subscription closed; never within the current turn, so
   * a sink that stays backed up (a closing socket) cannot keep a catch-up looping on microtasks.
   */
  drained(): Promise<void> {
    return new Promise((resolve) => {
      this.wake = resolve;
      this.sink.whenDrained(() => {
        this.wake = null;
        setImmediate(resolve);
      });
    });
  }
}
