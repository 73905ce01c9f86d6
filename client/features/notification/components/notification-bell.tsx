import { useNavigate } from 'react-router';
import type { NotificationDto } from '../../../../src/contracts/ticket.ts';
import { BellIcon, CheckIcon } from '../../../components/icons.tsx';
import { Spinner } from '../../../components/states.tsx';
import { toUserMessage } from '../../../lib/errors.ts';
import { formatDateTime, formatShortTime } from '../../../lib/format.ts';
import { trpc } from '../../../lib/trpc.ts';
import { useMenu } from '../../../lib/use-menu.ts';
import { useNow } from '../../../lib/use-now.ts';
import { markRead } from '../api/notification-list.ts';
import { NOTIFICATION_INPUT, useMarkAllNotificationsRead, useMarkNotificationsRead, useNotifications } from '../api/use-notifications.ts';

const sentence = (n: NotificationDto): string => {
  const who = n.actor?.name ?? 'Someone';
  const ref = `#${n.ticket.number}`;
  switch (n.kind) {
    case 'assigned':
      return `${who} assigned ${ref} to you`;
    case 'commented':
      return `${who} commented on ${ref}`;
    case 'sla_at_risk':
      return `${ref} is at risk of breaching its SLA`;
    case 'sla_breached':
      return `${ref} breached its SLA`;
  }
};

/**
 * The header's bell: my unread count, live; the newest notifications in a menu; opening one
 * marks it read and goes to its ticket.
 */
export function NotificationBell() {
  const list = useNotifications();
  const mark = useMarkNotificationsRead();
  const markAll = useMarkAllNotificationsRead();
  const utils = trpc.useUtils();
  const navigate = useNavigate();
  const now = useNow(60_000);
  const { open, setOpen, rootRef, buttonRef, menuRef, menuId, close, onMenuKeyDown } = useMenu();
  const unread = list.data?.unread ?? 0;

  // The count drops at once; the server's answer (and its event) settle it.
  const markLocally = (ids: string[] | null, nextUnread: number) =>
    utils.notification.list.setData(NOTIFICATION_INPUT, (page) => page && markRead(page, ids, nextUnread, new Date().toISOString()));

  const openOne = (n: NotificationDto) => {
    close(false);
    if (!n.readAt) {
      markLocally([n.id], Math.max(0, unread - 1));
      mark.mutate({ notificationIds: [n.id] }, { onError: () => void utils.notification.list.invalidate() });
    }
    void navigate(`/tickets/${n.ticket.id}`);
  };

  const readAll = () => {
    markLocally(null, 0);
    markAll.mutate(undefined, { onError: () => void utils.notification.list.invalidate() });
  };

  const label = unread === 0 ? 'Notifications' : `Notifications, ${unread} unread`;
  return (
    <div className="bell" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="bell-button"
        aria-label={label}
        title={label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        data-testid="notification-bell"
        onClick={() => setOpen((o) => !o)}
      >
        <BellIcon />
        {unread > 0 ? (
          <span className="bell-count" data-testid="notification-count" aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </span>
        ) : null}
      </button>
      {open ? (
        <div className="menu bell-menu" role="menu" id={menuId} aria-label="Notifications" ref={menuRef} onKeyDown={onMenuKeyDown}>
          <div className="bell-head" role="presentation">
            <span className="bell-title">Notifications</span>
            {unread > 0 ? (
              <button type="button" role="menuitem" tabIndex={-1} className="link-button bell-read-all" onClick={readAll}>
                <CheckIcon /> Mark all read
              </button>
            ) : null}
          </div>
          {list.isPending ? (
            <div className="bell-state" role="presentation">
              <Spinner /> Loading…
            </div>
          ) : list.isError ? (
            <div className="bell-state" role="presentation">
              {toUserMessage(list.error)}{' '}
              <button type="button" role="menuitem" tabIndex={-1} className="link-button" onClick={() => void list.refetch()}>
                Try again
              </button>
            </div>
          ) : list.data.items.length === 0 ? (
            <div className="bell-state" role="presentation">
              You’re all caught up. Assignments, comments on your tickets and SLA warnings show up here.
            </div>
          ) : (
            <div className="bell-list" role="presentation">
              {list.data.items.map((n) => (
                <button
                  key={n.id}
                  type="button"
                  role="menuitem"
                  tabIndex={-1}
                  className={n.readAt ? 'bell-item' : 'bell-item bell-item-unread'}
                  data-testid="notification"
                  data-kind={n.kind}
                  onClick={() => openOne(n)}
                >
                  <span className={`bell-kind bell-kind-${n.kind}`} aria-hidden="true" />
                  <span className="bell-item-main">
                    <span className="bell-item-text">{sentence(n)}</span>
                    <span className="bell-item-subject">{n.ticket.subject}</span>
                  </span>
                  <time className="bell-item-time" dateTime={n.createdAt} title={formatDateTime(n.createdAt)}>
                    {formatShortTime(n.createdAt, now)}
                  </time>
                </button>
              ))}
            </div>
          )}
        </div>
      ) : null}
    </div>
  );
}
