/**
 * Delivery status of an outbound message. Providers deliver status updates in any order and
 * repeat them, so a status only ever moves forward: a late `delivered` never undoes `read`.
 * FAILED is terminal.
 */
export const MESSAGE_STATUSES = ['QUEUED', 'SENT', 'DELIVERED', 'READ', 'FAILED'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

const rank: Record<MessageStatus, number> = { QUEUED: 0, SENT: 1, DELIVERED: 2, READ: 3, FAILED: 4 };

/** The status after applying `incoming` to `current`: the furthest along of the two. */
export const nextMessageStatus = (current: MessageStatus, incoming: MessageStatus): MessageStatus => {
  if (current === 'FAILED') return 'FAILED';
  // A failure report after the message was read is stale information: keep what the customer saw.
  if (incoming === 'FAILED') return current === 'READ' ? 'READ' : 'FAILED';
  return rank[incoming] > rank[current] ? incoming : current;
};

/** The statuses for which `incoming` is an advance, for a compare-and-set `WHERE status IN (...)`. */
export const statusesAdvancedBy = (incoming: MessageStatus): MessageStatus[] =>
  MESSAGE_STATUSES.filter((current) => current !== incoming && nextMessageStatus(current, incoming) === incoming);
