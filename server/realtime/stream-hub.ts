import type { Bus } from './bus.ts';
import type { StreamSink, FeedSubscription } from './feed-subscription.ts';
import { HEAD_CHECK_MS, TenantFeed, type FeedOptions } from './tenant-feed.ts';

/** The feeds of one node (one bus): a feed per tenant with subscribers here. */
export class StreamHub {
  private readonly feeds = new Map<string, TenantFeed>();

  constructor(private readonly opts: FeedOptions) {}

  /** `headCheckMs` applies when this call creates the tenant's feed (tests shorten it to see a lost publish noticed). */
  subscribe(tenantId: string, lastSeq: number | null, sink: StreamSink, headCheckMs = HEAD_CHECK_MS): Promise<FeedSubscription> {
    let feed = this.feeds.get(tenantId);
    if (!feed) {
      const created = new TenantFeed(tenantId, this.opts, headCheckMs, () => this.feeds.get(tenantId) === created && this.feeds.delete(tenantId));
      this.feeds.set(tenantId, (feed = created));
    }
    return feed.subscribe(lastSeq, sink);
  }
}

const hubs = new WeakMap<Bus, StreamHub>();

/** The node's hub for this bus. */
export const streamHub = (opts: FeedOptions): StreamHub => {
  let hub = hubs.get(opts.bus);
  if (!hub) hubs.set(opts.bus, (hub = new StreamHub(opts)));
  return hub;
};
