import { memo, type MouseEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import type { TicketDto } from '../../../../src/contracts/ticket.ts';
import { Avatar } from '../../../components/avatar.tsx';
import { formatDateTime, formatShortTime } from '../../../lib/format.ts';
import { ticketRef } from '../api/ticket-format.ts';
import { PriorityBadge, SlaBadge, StatusPill } from './ticket-badges.tsx';

export type TicketRowProps = {
  ticket: TicketDto;
  href: string;
  now: number;
  checked: boolean;
  /** The keyboard's cursor is on this row. */
  current: boolean;
  meId: string;
  onToggle: (id: string, range: boolean) => void;
};

/** One dense list row: checkbox, number, subject with tags, status, priority, assignee, SLA, age. */
export const TicketRow = memo(function TicketRow({ ticket: t, href, now, checked, current, meId, onToggle }: TicketRowProps) {
  const navigate = useNavigate();
  // The whole row opens the ticket, except its checkbox and the link itself (which navigates on its own).
  const onClick = (e: MouseEvent) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    if ((e.target as HTMLElement).closest('a, input, button, label')) return;
    void navigate(href);
  };
  return (
    <tr
      className={['ticket-row', checked ? 'ticket-row-checked' : '', current ? 'ticket-row-current' : ''].filter(Boolean).join(' ')}
      data-ticket-id={t.id}
      data-current={current || undefined}
      onClick={onClick}
    >
      <td className="ticket-cell-check">
        <input
          type="checkbox"
          className="checkbox"
          checked={checked}
          aria-label={`Select ${ticketRef(t.number)}`}
          onChange={() => undefined}
          onClick={(e) => onToggle(t.id, e.shiftKey)}
        />
      </td>
      <td className="ticket-cell-number mono">{ticketRef(t.number)}</td>
      <td className="ticket-cell-subject">
        <span className="ticket-subject-cell">
          <Link to={href} className="ticket-subject" tabIndex={current ? 0 : -1} title={t.subject}>
            {t.subject}
          </Link>
          {t.tags.length ? (
            <span className="ticket-tags">
              {t.tags.slice(0, 3).map((tag) => (
                <span key={tag} className="tag">
                  {tag}
                </span>
              ))}
              {t.tags.length > 3 ? <span className="tag tag-more">+{t.tags.length - 3}</span> : null}
            </span>
          ) : null}
        </span>
      </td>
      <td>
        <StatusPill status={t.status} />
      </td>
      <td>
        <PriorityBadge priority={t.priority} />
      </td>
      <td className="ticket-cell-assignee">
        {t.assignee ? (
          <span className="ticket-assignee" title={t.assignee.name}>
            <Avatar name={t.assignee.name} seed={t.assignee.id} size="sm" />
            <span className="cell-truncate">{t.assignee.id === meId ? 'You' : t.assignee.name}</span>
          </span>
        ) : (
          <span className="cell-subtle">Unassigned</span>
        )}
      </td>
      <td>
        <SlaBadge clock={{ state: t.sla.state, dueAt: t.sla.dueAt, atRiskAt: nextRisk(t) }} now={now} />
      </td>
      <td className="ticket-cell-time">
        <time dateTime={t.updatedAt} title={`Updated ${formatDateTime(t.updatedAt)}`}>
          {formatShortTime(t.updatedAt, now)}
        </time>
      </td>
    </tr>
  );
});

/** The at-risk instant of the clock the list's due time belongs to. */
const nextRisk = (t: TicketDto): string | null => {
  const { firstResponse: fr, resolution: res, dueAt } = t.sla;
  if (dueAt && fr.dueAt === dueAt) return fr.atRiskAt;
  if (dueAt && res.dueAt === dueAt) return res.atRiskAt;
  return null;
};
