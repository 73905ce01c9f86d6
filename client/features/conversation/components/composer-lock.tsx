import { HandIcon, SparkIcon, UserIcon } from '../../../components/icons.tsx';
import { Spinner } from '../../../components/states.tsx';
import type { Ownership } from '../api/ownership.ts';

/**
 * In place of the reply box when the viewer may not send: the AI answers (take over to reply) or
 * another agent owns it (supervisors may assign it to themselves). Notes stay open to everyone.
 */
export function ComposerLock({
  ownership,
  ownerName,
  busy,
  onTakeOver,
  onAssignToMe,
}: {
  ownership: Ownership;
  ownerName: string;
  busy: boolean;
  onTakeOver: () => void;
  onAssignToMe: (() => void) | null;
}) {
  const ai = ownership.kind === 'ai';
  return (
    <div className={ai ? 'composer-lock composer-lock-ai' : 'composer-lock'} data-testid="composer-lock" role="status">
      <span className="composer-lock-icon" aria-hidden="true">
        {ai ? <SparkIcon /> : <UserIcon />}
      </span>
      <span className="composer-lock-text">
        {ai ? (
          <>
            <strong>The AI agent is answering</strong> — take over to reply.
          </>
        ) : (
          <>
            <strong>{ownerName} owns this conversation.</strong> You can still leave an internal note.
          </>
        )}
      </span>
      {ownership.canTakeOver ? (
        <button type="button" className="btn btn-primary btn-sm" onClick={onTakeOver} disabled={busy}>
          {busy ? <Spinner /> : <HandIcon />} Take over
        </button>
      ) : onAssignToMe ? (
        <button type="button" className="btn btn-secondary btn-sm" onClick={onAssignToMe} disabled={busy}>
          {busy ? <Spinner /> : null} Assign to me
        </button>
      ) : null}
    </div>
  );
}
