import { Avatar } from '../../../components/avatar.tsx';
import { firstName } from '../../../lib/format.ts';
import type { Viewer } from '../api/use-presence.ts';

const MAX_FACES = 4;

/** Everyone else with this conversation open, as a stack of faces in the header. */
export function PresenceAvatars({ viewers }: { viewers: Viewer[] }) {
  if (viewers.length === 0) return null;
  const shown = viewers.slice(0, MAX_FACES);
  const label = `${viewers.map((v) => v.name).join(', ')} ${viewers.length === 1 ? 'is' : 'are'} viewing`;
  return (
    <div className="presence" role="group" aria-label={label} title={label} data-testid="presence">
      {shown.map((v) => (
        <span key={v.userId} className={v.state === 'viewing' ? 'presence-face' : 'presence-face presence-face-typing'} data-user-name={v.name}>
          <Avatar name={v.name} seed={v.userId} size="sm" />
        </span>
      ))}
      {viewers.length > MAX_FACES ? <span className="presence-more">+{viewers.length - MAX_FACES}</span> : null}
    </div>
  );
}

/** "Ana is typing…" / "Ana is writing a note…" under the thread. */
export function TypingIndicator({ viewers }: { viewers: Viewer[] }) {
  const typing = viewers.filter((v) => v.state !== 'viewing');
  const text =
    typing.length === 0
      ? ''
      : typing.length > 1
        ? `${typing.map((v) => firstName(v.name)).join(' and ')} are typing…`
        : `${firstName(typing[0]!.name)} is ${typing[0]!.state === 'typing_note' ? 'writing a note' : 'typing'}…`;
  return (
    <div className="typing" aria-live="polite" data-testid="typing-indicator">
      {text ? (
        <>
          <span className="typing-dots" aria-hidden="true">
            <span />
            <span />
            <span />
          </span>
          {text}
        </>
      ) : null}
    </div>
  );
}
