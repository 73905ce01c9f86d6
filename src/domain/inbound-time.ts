/**
 * Providers stamp inbound messages in whole seconds and deliver them a moment later — seconds
 * later on a busy day. Live traffic takes our receive time, which keeps a burst in the order it
 * arrived; only a delivery clearly older than that (the provider retrying after an outage) keeps
 * the provider's time, so it lands where it belongs in the thread.
 */
export const LIVE_DELIVERY_TOLERANCE_MS = 30_000;

export const inboundMessageTime = (providerStamp: Date, receivedAt: Date): Date =>
  Math.abs(receivedAt.getTime() - providerStamp.getTime()) <= LIVE_DELIVERY_TOLERANCE_MS ? receivedAt : providerStamp;
