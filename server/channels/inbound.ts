import type { MessageContent } from '../../src/contracts/conversation.ts';

/** A customer message as every provider adapter hands it to ingest. */
export type InboundMessage = {
  providerMessageId: string;
  /** E.164 */
  from: string;
  profileName: string | null;
  waId: string | null;
  timestamp: Date;
  type: string;
  body: string;
  content: MessageContent | null;
  replyToProviderId: string | null;
};

export type StatusUpdate = {
  providerMessageId: string;
  status: 'SENT' | 'DELIVERED' | 'READ' | 'FAILED';
  timestamp: Date;
  errorCode: string | null;
  errorTitle: string | null;
};
