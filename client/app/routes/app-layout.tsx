import { useEffect } from 'react';
import { NavLink, Outlet, useMatch } from 'react-router';
import { HomeIcon, InboxIcon, PlugIcon, SparkIcon, UserIcon, UsersIcon } from '../../components/icons.tsx';
import { Logo } from '../../components/logo.tsx';
import { ErrorState, LoadingState } from '../../components/states.tsx';
import { useActivityEvents } from '../../features/activity/api/use-activity-events.ts';
import { useAuthEvents } from '../../features/auth/api/use-auth-events.ts';
import { useChannelEvents } from '../../features/channels/api/use-channel-events.ts';
import { useAiAgentEvents } from '../../features/ai-agents/api/use-ai-agent-events.ts';
import { useConversationEvents } from '../../features/conversation/api/use-conversation-events.ts';
import { useInboxEvents } from '../../features/inbox/api/use-inbox-events.ts';
import { useMe } from '../../features/auth/api/use-me.ts';
import { UserMenu } from '../../features/auth/components/user-menu.tsx';
import { useEventStream } from '../../features/realtime/api/use-event-stream.ts';
import { ConnectionIndicator } from '../../features/realtime/components/connection-indicator.tsx';
import { useTeamEvents } from '../../features/team/api/use-team-events.ts';
import { isUnauthorized, toUserMessage } from '../../lib/errors.ts';
import { preloadAppRoutes } from '../router.tsx';

const NAV = [
  { to: '/inbox', label: 'Inbox', icon: InboxIcon },
  { to: '/overview', label: 'Overview', icon: HomeIcon },
  { to: '/team', label: 'Team', icon: UsersIcon },
  { to: '/profile', label: 'Profile', icon: UserIcon },
] as const;

/** Workspace settings, shown to admins (others can still open them read-only by link). */
const SETTINGS_NAV = [
  { to: '/settings/channels', label: 'Channels', icon: PlugIcon },
  { to: '/settings/ai-agents', label: 'AI agents', icon: SparkIcon },
] as const;

/** Everything that keeps a signed-in tab live: one subscription, fanned out to each feature's cache. */
function LiveUpdates() {
  // Activity first: it reads the member and invite lists before the team hook patches them.
  useActivityEvents();
  useTeamEvents();
  useInboxEvents();
  useConversationEvents();
  useChannelEvents();
  useAiAgentEvents();
  useAuthEvents();
  useEventStream();
  return null;
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
          {me.data.user.role === 'ADMIN' ? (
            <>
              <div className="nav-section">Settings</div>
              {SETTINGS_NAV.map(({ to, label, icon: Icon }) => (
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
