import { Avatar } from '../../../components/avatar.tsx';
import { firstName } from '../../../lib/format.ts';
import type { TicketViewer } from '../api/use-ticket-presence.ts';

const MAX_FACES = 4;

/** Everyone else on this ticket, as faces; an editing face gets a pencil ring and says so. */
export function TicketPresence({ viewers }: { viewers: TicketViewer[] }) {
  if (viewers.length === 0) return null;
  const editing = viewers.filter((v) => v.state === 'editing');
  const viewing = viewers.filter((v) => v.state === 'viewing');
  const label = [
    viewing.length ? `${viewing.map((v) => v.name).join(', ')} ${viewing.length === 1 ? 'is' : 'are'} viewing` : '',
    editing.length ? `${editing.map((v) => v.name).join(', ')} ${editing.length === 1 ? 'is' : 'are'} editing` : '',
  ]
    .filter(Boolean)
    .join('; ');
  return (
    <div className="ticket-presence" role="group" aria-label={label} title={label} data-testid="ticket-presence">
      <span className="presence">
        {viewers.slice(0, MAX_FACES).map((v) => (
          <span key={v.userId} className={v.state === 'editing' ? 'presence-face presence-face-typing' : 'presence-face'} data-user-name={v.name} data-state={v.state}>
            <Avatar name={v.name} seed={v.userId} size="sm" />
          </span>
        ))}
        {viewers.length > MAX_FACES ? <span className="presence-more">+{viewers.length - MAX_FACES}</span> : null}
      </span>
      <span className="ticket-presence-text" aria-hidden="true">
        {editing.length ? `${editing.map((v) => firstName(v.name)).join(', ')} editing` : `${viewing.map((v) => firstName(v.name)).join(', ')} viewing`}
      </span>
    </div>
  );
}
