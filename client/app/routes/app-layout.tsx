import { useEffect } from 'react';
import { NavLink, Outlet, useMatch } from 'react-router';
import { ActivityIcon, ChartIcon, ContactsIcon, FlagIcon, HomeIcon, InboxIcon, MailIcon, OutboxIcon, PlugIcon, SparkIcon, TaskIcon, TicketIcon, TimerIcon, UserIcon, UsersIcon } from '../../components/icons.tsx';
import { hasRole } from '../../../src/domain/roles.ts';
import { useAwayReporter } from '../../features/realtime/api/use-away-reporter.ts';
import { Logo } from '../../components/logo.tsx';
import { ErrorState, LoadingState } from '../../components/states.tsx';
import { useActivityEvents } from '../../features/activity/api/use-activity-events.ts';
import { useAuthEvents } from '../../features/auth/api/use-auth-events.ts';
import { useChannelEvents } from '../../features/channels/api/use-channel-events.ts';
import { useAiAgentEvents } from '../../features/ai-agents/api/use-ai-agent-events.ts';
import { useContactEvents } from '../../features/contact/api/use-contact-events.ts';
import { useConversationEvents } from '../../features/conversation/api/use-conversation-events.ts';
import { useEmailSettings } from '../../features/email/api/use-email-settings.ts';
import { useEmailEvents } from '../../features/email/api/use-email-events.ts';
import { useInboxEvents } from '../../features/inbox/api/use-inbox-events.ts';
import { useMe } from '../../features/auth/api/use-me.ts';
import { useNotificationEvents } from '../../features/notification/api/use-notification-events.ts';
import { NotificationBell } from '../../features/notification/components/notification-bell.tsx';
import { UserMenu } from '../../features/auth/components/user-menu.tsx';
import { useEventStream } from '../../features/realtime/api/use-event-stream.ts';
import { ConnectionIndicator } from '../../features/realtime/components/connection-indicator.tsx';
import { useTaskEvents } from '../../features/task/api/use-task-events.ts';
import { useTeamEvents } from '../../features/team/api/use-team-events.ts';
import { useTicketEvents } from '../../features/ticket/api/use-ticket-events.ts';
import { isUnauthorized, toUserMessage } from '../../lib/errors.ts';
import { preloadAppRoutes } from '../router.tsx';

const NAV = [
  { to: '/inbox', label: 'Inbox', icon: InboxIcon },
  { to: '/tickets', label: 'Tickets', icon: TicketIcon },
  { to: '/contacts', label: 'Contacts', icon: ContactsIcon },
  { to: '/tasks', label: 'Tasks', icon: TaskIcon },
  { to: '/overview', label: 'Overview', icon: HomeIcon },
  { to: '/team', label: 'Team', icon: UsersIcon },
  { to: '/profile', label: 'Profile', icon: UserIcon },
] as const;

/** Supervisor views, shown to supervisors and admins (agents who follow a link see "not allowed"). */
const SUPERVISOR_NAV = [
  { to: '/dashboard', label: 'Live', icon: ActivityIcon },
  { to: '/analytics', label: 'Analytics', icon: ChartIcon },
] as const;

/** Workspace settings, shown to whoever may change them (others can still open them read-only by link). */
const SETTINGS_NAV = [
  { to: '/settings/channels', label: 'Channels', icon: PlugIcon, supervisors: false },
  { to: '/settings/ai-agents', label: 'AI agents', icon: SparkIcon, supervisors: false },
  { to: '/settings/sla', label: 'SLA', icon: TimerIcon, supervisors: true },
  { to: '/settings/email', label: 'Email', icon: MailIcon, supervisors: false },
  { to: '/settings/follow-ups', label: 'Follow-ups', icon: FlagIcon, supervisors: true },
] as const;

/** Everything that keeps a signed-in tab live: one subscription, fanned out to each feature's cache. */
function LiveUpdates() {
  // Activity first: it reads the member and invite lists before the team hook patches them.
  useActivityEvents();
  useTeamEvents();
  useInboxEvents();
  useConversationEvents();
  useTicketEvents();
  useNotificationEvents();
  useChannelEvents();
  useAiAgentEvents();
  useContactEvents();
  useTaskEvents();
  useEmailEvents();
  useAuthEvents();
  useEventStream();
  useAwayReporter();
  return null;
}

/** The dev outbox is in the nav only while emails go there (no SendGrid key), or when someone opens it. */
function OutboxLink() {
  const settings = useEmailSettings();
  const here = useMatch('/outbox') !== null;
  if (settings.data?.mode !== 'outbox' && !here) return null;
  return (
    <NavLink to="/outbox" className="nav-link">
      <OutboxIcon className="nav-icon" />
      Outbox
      <span className="nav-chip" aria-hidden="true" title="No SendGrid key: emails are kept here">
        dev
      </span>
    </NavLink>
  );
}

export function AppLayoutRoute() {
  const me = useMe();
  // The inbox fills the window edge to edge, with its own scrolling panes.
  const fullBleed = useMatch({ path: '/inbox', end: false }) !== null;

  useEffect(() => {
    const idle = window.requestIdleCallback ?? ((cb: () => void) => window.setTimeout(cb, 200));
    idle(() => preloadAppRoutes());
  }, []);

  if (me.isPending) {
    return (
      <div className="boot">
        <LoadingState label="Opening your workspace…" />
      </div>
    );
  }
  if (me.isError && !me.data) {
    // Not signed in: the session handler is already on its way to the sign-in page.
    if (isUnauthorized(me.error)) return null;
    return (
      <div className="boot">
        <ErrorState message={toUserMessage(me.error)} onRetry={() => void me.refetch()} />
      </div>
    );
  }

  const { workspace } = me.data;
  const role = me.data.user.role;
  const settingsNav = SETTINGS_NAV.filter((item) => role === 'ADMIN' || (role === 'SUPERVISOR' && item.supervisors));
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <LiveUpdates />
      <aside className="sidebar">
        <div className="sidebar-brand">
          <Logo />
        </div>
        <nav className="nav" aria-label="Main">
          {NAV.map(({ to, label, icon: Icon }) => (
            <NavLink key={to} to={to} className="nav-link">
              <Icon className="nav-icon" />
              {label}
            </NavLink>
          ))}
          <OutboxLink />
          {hasRole(me.data.user.role, 'SUPERVISOR') ? (
            <>
              <div className="nav-section">Supervise</div>
              {SUPERVISOR_NAV.map(({ to, label, icon: Icon }) => (
                <NavLink key={to} to={to} className="nav-link">
                  <Icon className="nav-icon" />
                  {label}
                </NavLink>
              ))}
            </>
          ) : null}
          {settingsNav.length ? (
            <>
              <div className="nav-section">Settings</div>
              {settingsNav.map(({ to, label, icon: Icon }) => (
                <NavLink key={to} to={to} className="nav-link">
                  <Icon className="nav-icon" />
                  {label}
                </NavLink>
              ))}
            </>
          ) : null}
        </nav>
      </aside>
      <div className="main">
        <header className="topbar">
          <div className="workspace">
            <span className="workspace-mark" aria-hidden="true">
              {workspace.name.trim()[0]?.toUpperCase() ?? 'W'}
            </span>
            <span className="workspace-name" data-testid="workspace-name">
              {workspace.name}
            </span>
          </div>
          <div className="topbar-end">
            <ConnectionIndicator />
            <NotificationBell />
            <UserMenu me={me.data} />
          </div>
        </header>
        <main className={fullBleed ? 'content content-full' : 'content'} id="main" tabIndex={-1}>
          <Outlet context={me.data} />
        </main>
      </div>
    </div>
  );
}
