/**
 * WhatsApp's customer-service window: free-form messages may be sent only within 24 hours of the
 * contact's last inbound message; outside it, only approved templates.
 */
export const WINDOW_MS = 24 * 60 * 60 * 1000;

export type WindowState = { open: true; closesAt: Date; remainingMs: number } | { open: false; closedAt: Date | null };

export const messagingWindow = (lastInboundAt: Date | null, now: Date): WindowState => {
  if (!lastInboundAt) return { open: false, closedAt: null };
  const closesAt = new Date(lastInboundAt.getTime() + WINDOW_MS);
  const remainingMs = closesAt.getTime() - now.getTime();
  return remainingMs > 0 ? { open: true, closesAt, remainingMs } : { open: false, closedAt: closesAt };
};
