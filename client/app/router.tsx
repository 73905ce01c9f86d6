import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { LoadingState } from '../components/states.tsx';
import { RouteError } from './route-error.tsx';

/** React.lazy over a named export, with a `preload` to warm the chunk before it is needed. */
const lazyRoute = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) => {
  const loader = () => load().then((m) => ({ default: m[name] }));
  return Object.assign(lazy(loader), { preload: loader });
};

export const SignUpRoute = lazyRoute(() => import('./routes/sign-up.tsx'), 'SignUpRoute');
export const SignInRoute = lazyRoute(() => import('./routes/sign-in.tsx'), 'SignInRoute');
export const AcceptInviteRoute = lazyRoute(() => import('./routes/accept-invite.tsx'), 'AcceptInviteRoute');
export const AppLayoutRoute = lazyRoute(() => import('./routes/app-layout.tsx'), 'AppLayoutRoute');
export const InboxRoute = lazyRoute(() => import('./routes/inbox.tsx'), 'InboxRoute');
export const OverviewRoute = lazyRoute(() => import('./routes/overview.tsx'), 'OverviewRoute');
export const TeamRoute = lazyRoute(() => import('./routes/team.tsx'), 'TeamRoute');
export const ProfileRoute = lazyRoute(() => import('./routes/profile.tsx'), 'ProfileRoute');
export const ChannelsRoute = lazyRoute(() => import('./routes/channels.tsx'), 'ChannelsRoute');
export const AiAgentsRoute = lazyRoute(() => import('./routes/ai-agents.tsx'), 'AiAgentsRoute');
export const DashboardRoute = lazyRoute(() => import('./routes/dashboard.tsx'), 'DashboardRoute');
// Its own chunk with the chart library: nothing else loads recharts.
export const AnalyticsRoute = lazyRoute(() => import('./routes/analytics.tsx'), 'AnalyticsRoute');
export const ContactsRoute = lazyRoute(() => import('./routes/contacts.tsx'), 'ContactsRoute');
export const ContactRoute = lazyRoute(() => import('./routes/contact.tsx'), 'ContactRoute');
export const TasksRoute = lazyRoute(() => import('./routes/tasks.tsx'), 'TasksRoute');
export const EmailRoute = lazyRoute(() => import('./routes/email.tsx'), 'EmailRoute');
export const OutboxRoute = lazyRoute(() => import('./routes/outbox.tsx'), 'OutboxRoute');
export const EmailSettingsRoute = lazyRoute(() => import('./routes/email-settings.tsx'), 'EmailSettingsRoute');
export const FollowUpSettingsRoute = lazyRoute(() => import('./routes/follow-up-settings.tsx'), 'FollowUpSettingsRoute');
export const TicketsRoute = lazyRoute(() => import('./routes/tickets.tsx'), 'TicketsRoute');
export const TicketRoute = lazyRoute(() => import('./routes/ticket.tsx'), 'TicketRoute');
export const SlaSettingsRoute = lazyRoute(() => import('./routes/sla-settings.tsx'), 'SlaSettingsRoute');
export const NotFoundRoute = lazyRoute(() => import('./routes/not-found.tsx'), 'NotFoundRoute');

/** Signed-in pages load their chunks while the user looks at the first one. */
export const preloadAppRoutes = () => {
  void InboxRoute.preload();
  void TicketsRoute.preload();
  void TicketRoute.preload();
  void OverviewRoute.preload();
  void ChannelsRoute.preload();
  void AiAgentsRoute.preload();
  void TeamRoute.preload();
  void ProfileRoute.preload();
  void ContactsRoute.preload();
  void ContactRoute.preload();
  void TasksRoute.preload();
  void EmailRoute.preload();
  void TicketsRoute.preload();
  void TicketRoute.preload();
  void SlaSettingsRoute.preload();
};

const page = (node: ReactNode) => <Suspense fallback={<div className="page-loading" />}>{node}</Suspense>;
const inShell = (node: ReactNode) => <Suspense fallback={<LoadingState />}>{node}</Suspense>;

export const router = createBrowserRouter([
  { path: '/signup', element: page(<SignUpRoute />), errorElement: <RouteError /> },
  { path: '/signin', element: page(<SignInRoute />), errorElement: <RouteError /> },
  { path: '/invite/:token', element: page(<AcceptInviteRoute />), errorElement: <RouteError /> },
  {
    path: '/',
    element: page(<AppLayoutRoute />),
    errorElement: <RouteError />,
    children: [
      // Agents live in the inbox: it is where signing in lands.
      { index: true, element: <Navigate to="/inbox" replace /> },
      { path: 'inbox/:conversationId?', element: inShell(<InboxRoute />) },
      { path: 'tickets', element: inShell(<TicketsRoute />) },
      { path: 'tickets/:ticketId', element: inShell(<TicketRoute />) },
      { path: 'overview', element: inShell(<OverviewRoute />) },
      { path: 'dashboard', element: inShell(<DashboardRoute />) },
      { path: 'analytics', element: inShell(<AnalyticsRoute />) },
      { path: 'team', element: inShell(<TeamRoute />) },
      { path: 'profile', element: inShell(<ProfileRoute />) },
      { path: 'settings/channels', element: inShell(<ChannelsRoute />) },
      { path: 'settings/ai-agents', element: inShell(<AiAgentsRoute />) },
      { path: 'contacts', element: inShell(<ContactsRoute />) },
      { path: 'contacts/:contactId', element: inShell(<ContactRoute />) },
      { path: 'tasks', element: inShell(<TasksRoute />) },
      { path: 'emails/:emailId', element: inShell(<EmailRoute />) },
      { path: 'outbox', element: inShell(<OutboxRoute />) },
      { path: 'settings/email', element: inShell(<EmailSettingsRoute />) },
      { path: 'settings/follow-ups', element: inShell(<FollowUpSettingsRoute />) },
      { path: 'settings/sla', element: inShell(<SlaSettingsRoute />) },
    ],
  },
  { path: '*', element: page(<NotFoundRoute />) },
]);
