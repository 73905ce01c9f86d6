import { useEffect, useState, type ReactNode } from 'react';
import { ActivityIcon, MailIcon, ShieldIcon, UserIcon, UsersIcon } from '../../../components/icons.tsx';
import { Panel } from '../../../components/panel.tsx';
import { EmptyState } from '../../../components/states.tsx';
import { formatDateTime, formatRelative } from '../../../lib/format.ts';
import type { ActivityKind } from '../api/activity-entry.ts';
import { useActivity } from '../api/use-activity.ts';

const ICONS: Record<ActivityKind, () => ReactNode> = {
  joined: () => <UsersIcon />,
  invited: () => <MailIcon />,
  revoked: () => <MailIcon />,
  role: () => <ShieldIcon />,
  deactivated: () => <UserIcon />,
  profile: () => <UserIcon />,
};

/** Re-renders every half minute so "just now" turns into "2 minutes ago". */
const useNow = (everyMs: number) => {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
};

export function ActivityFeed() {
  const { data: entries } = useActivity();
  const now = useNow(30_000);
  // Only entries that arrive while the feed is on screen animate in; the rest are just there.
  const [seenUpTo] = useState(() => entries[0]?.seq ?? 0);

  return (
    <Panel title="Recent activity" description="Changes to your team, as they happen" flush>
      {entries.length === 0 ? (
        <EmptyState title="Nothing new yet" icon={<ActivityIcon />}>
          Invites, new teammates, role and profile changes appear here the moment they happen.
        </EmptyState>
      ) : (
        <ol className="feed" aria-label="Recent activity">
          {entries.map((entry) => (
            <li key={entry.seq} className={entry.seq > seenUpTo ? 'feed-item feed-item-new' : 'feed-item'}>
              <span className={`feed-icon feed-icon-${entry.kind}`}>{ICONS[entry.kind]()}</span>
              <span className="feed-text">
                {entry.sentence.map((part, i) => (part.strong ? <strong key={i}>{part.text}</strong> : <span key={i}>{part.text}</span>))}
              </span>
              <time className="feed-time" dateTime={entry.at} title={formatDateTime(entry.at)}>
                {formatRelative(entry.at, now)}
              </time>
            </li>
          ))}
        </ol>
      )}
    </Panel>
  );
}
