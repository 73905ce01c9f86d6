import { TICKET_PRIORITIES, TICKET_STATUSES, type TicketDto, type TicketPriority, type TicketStatus, type UpdateTicketInput } from '../../../../src/contracts/ticket.ts';
import { statusTransition } from '../../../../src/domain/ticket-status.ts';
import { PRIORITY_LABELS, STATUS_LABELS } from '../api/ticket-format.ts';
import { TagEditor } from './tag-editor.tsx';
import type { Teammate } from './ticket-toolbar.tsx';

const UNASSIGNED = '';

export type TicketChange = Omit<UpdateTicketInput, 'ticketId'>;

/**
 * The ticket's fields as editors that save on change: status (moves the rules forbid are shown
 * but disabled, with the reason), priority, assignee and tags.
 */
export function TicketProperties({
  ticket,
  teammates,
  meId,
  tags,
  onChange,
  onEditing,
}: {
  ticket: TicketDto;
  teammates: Teammate[];
  meId: string;
  tags: string[];
  onChange: (change: TicketChange) => void;
  onEditing: (editing: boolean) => void;
}) {
  // Someone no longer on the team may still be assigned: keep them in the list.
  const people = [...teammates];
  if (ticket.assignee && !people.some((p) => p.id === ticket.assignee!.id)) people.push(ticket.assignee);
  people.sort((a, b) => (a.id === meId ? -1 : b.id === meId ? 1 : a.name.localeCompare(b.name)));
  return (
    <section className="side-section" aria-label="Properties">
      <div className="prop">
        <label className="prop-label" htmlFor="ticket-status">
          Status
        </label>
        <select
          id="ticket-status"
          className="input select select-compact"
          value={ticket.status}
          onFocus={() => onEditing(true)}
          onBlur={() => onEditing(false)}
          onChange={(e) => onChange({ status: e.target.value as TicketStatus })}
        >
          {TICKET_STATUSES.map((s) => {
            const move = statusTransition(ticket.status, s);
            return (
              <option key={s} value={s} disabled={!move.ok} title={move.ok ? undefined : move.userMessage}>
                {STATUS_LABELS[s]}
              </option>
            );
          })}
        </select>
      </div>
      <div className="prop">
        <label className="prop-label" htmlFor="ticket-priority">
          Priority
        </label>
        <select
          id="ticket-priority"
          className="input select select-compact"
          value={ticket.priority}
          onFocus={() => onEditing(true)}
          onBlur={() => onEditing(false)}
          onChange={(e) => onChange({ priority: e.target.value as TicketPriority })}
        >
          {[...TICKET_PRIORITIES].reverse().map((p) => (
            <option key={p} value={p}>
              {PRIORITY_LABELS[p]}
            </option>
          ))}
        </select>
      </div>
      <div className="prop">
        <label className="prop-label" htmlFor="ticket-assignee">
          Assignee
        </label>
        <select
          id="ticket-assignee"
          className="input select select-compact"
          value={ticket.assignee?.id ?? UNASSIGNED}
          onFocus={() => onEditing(true)}
          onBlur={() => onEditing(false)}
          onChange={(e) => onChange({ assigneeId: e.target.value || null })}
        >
          <option value={UNASSIGNED}>Unassigned</option>
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.id === meId ? `${p.name} (you)` : p.name}
            </option>
          ))}
        </select>
      </div>
      <div className="prop prop-tags">
        <span className="prop-label">Tags</span>
        <TagEditor tags={ticket.tags} suggestions={tags} disabled={false} onChange={(next) => onChange({ tags: next })} onEditing={onEditing} />
      </div>
    </section>
  );
}
