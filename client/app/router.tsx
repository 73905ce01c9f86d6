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
export const NotFoundRoute = lazyRoute(() => import('./routes/not-found.tsx'), 'NotFoundRoute');

/** Signed-in pages load their chunks while the user looks at the first one. */
export const preloadAppRoutes = () => {
  void InboxRoute.preload();
  void OverviewRoute.preload();
  void ChannelsRoute.preload();
  void AiAgentsRoute.preload();
  void TeamRoute.preload();
  void ProfileRoute.preload();
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
      { path: 'overview', element: inShell(<OverviewRoute />) },
      { path: 'team', element: inShell(<TeamRoute />) },
      { path: 'profile', element: inShell(<ProfileRoute />) },
      { path: 'settings/channels', element: inShell(<ChannelsRoute />) },
      { path: 'settings/ai-agents', element: inShell(<AiAgentsRoute />) },
    ],
  },
  { path: '*', element: page(<NotFoundRoute />) },
]);
