import { useQueryClient } from '@tanstack/react-query';
import { AlertIcon } from '../../../components/icons.tsx';
import { dropUnsent, type UnsentMessage } from '../api/unsent.ts';
import { LinkifiedText } from './linkified-text.tsx';

/** A reply the server did not take: kept with its reason, to retry (same id, never a duplicate) or discard. */
export function UnsentBubble({ message, onRetry }: { message: UnsentMessage; onRetry: () => void }) {
  const queryClient = useQueryClient();
  return (
    <div className="msg-row msg-out msg-group-start msg-unsent" data-message-id={message.id} data-status="UNSENT">
      <div className="msg-bubble">
        <div className="msg-body">
          <LinkifiedText text={message.body} />
        </div>
      </div>
      <div className="msg-failed" role="alert">
        <AlertIcon />
        <span>Not sent: {message.error}</span>
        <button type="button" className="link-button" onClick={onRetry}>
          Retry
        </button>
        <button type="button" className="link-button link-button-muted" onClick={() => dropUnsent(queryClient, message.conversationId, message.id)}>
          Discard
        </button>
      </div>
    </div>
  );
}
