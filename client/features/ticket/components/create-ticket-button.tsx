import { lazy, Suspense, useState } from 'react';
import { TicketIcon } from '../../../components/icons.tsx';
import type { Teammate } from './ticket-toolbar.tsx';

// The dialog (with the ticket contract and its validation) loads on first use, so the inbox
// chunk does not carry it.
const NewTicketDialog = lazy(() => import('./new-ticket-dialog.tsx').then((m) => ({ default: m.NewTicketDialog })));

/** "Create ticket" in a conversation's header: a prefilled dialog that links the conversation and carries its transcript. */
export function CreateTicketButton({ conversationId, contactName, teammates, meId }: { conversationId: string; contactName: string; teammates: Teammate[]; meId: string }) {
  const [open, setOpen] = useState(false);
  const [used, setUsed] = useState(false);
  return (
    <>
      <button
        type="button"
        className="btn btn-secondary btn-sm"
        onClick={() => {
          setUsed(true);
          setOpen(true);
        }}
        aria-label="Create ticket"
        title="Open a ticket for this conversation"
      >
        <TicketIcon /> <span className="owner-menu-label">Create ticket</span>
      </button>
      {used ? (
        <Suspense fallback={null}>
          <NewTicketDialog open={open} onClose={() => setOpen(false)} teammates={teammates} meId={meId} source={{ conversationId, contactName }} />
        </Suspense>
      ) : null}
    </>
  );
}
