import type { MessageDto } from '../../../../src/contracts/conversation.ts';
import { AlertIcon, ClockIcon, TickIcon } from '../../../components/icons.tsx';
import { formatDateTime } from '../../../lib/format.ts';

const at = (label: string, iso: string | null) => (iso ? `${label} ${formatDateTime(iso)}` : label);

/** WhatsApp's ticks for an outbound message: clock, ✓ sent, ✓✓ delivered, blue ✓✓ read, or failed. */
export function DeliveryStatus({ message }: { message: MessageDto }) {
  switch (message.status) {
    case 'QUEUED':
      return (
        <span className="ticks ticks-queued" data-status="QUEUED" title="Sending">
          <ClockIcon className="ticks-clock" />
          <span className="ticks-label">Sending</span>
        </span>
      );
    case 'SENT':
      return (
        <span className="ticks ticks-sent" data-status="SENT" role="img" aria-label="Sent" title={at('Sent', message.sentAt)}>
          <TickIcon />
        </span>
      );
    case 'DELIVERED':
      return (
        <span className="ticks ticks-delivered" data-status="DELIVERED" role="img" aria-label="Delivered" title={at('Delivered', message.deliveredAt)}>
          <TickIcon double />
        </span>
      );
    case 'READ':
      return (
        <span className="ticks ticks-read" data-status="READ" role="img" aria-label="Read" title={at('Read', message.readAt)}>
          <TickIcon double />
        </span>
      );
    case 'FAILED':
      return (
        <span className="ticks ticks-failed" data-status="FAILED" title={[message.errorTitle, message.errorCode ? `(code ${message.errorCode})` : null].filter(Boolean).join(' ')}>
          <AlertIcon className="ticks-clock" />
          <span className="ticks-label">Failed</span>
        </span>
      );
    case 'RECEIVED':
      return null;
  }
}
