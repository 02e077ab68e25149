import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter } from 'react-router';
import { ErrorBoundary } from '@/components/ErrorBoundary';
import { AppLayout } from '@/components/layout/AppLayout';
import { PageSkeleton } from '@/components/Skeleton';
import { GuestOnly, RequireAuth, RequireRole } from '@/features/auth/guards';
import { RegisterPage } from '@/features/auth/RegisterPage';
import { SignInPage } from '@/features/auth/SignInPage';
import { HomePage } from './routes/HomePage';
import { NotFoundPage } from './routes/NotFoundPage';
import { RouteError } from './routes/RouteError';

const MembersPage = lazy(() =>
  import('@/features/members/MembersPage').then((m) => ({ default: m.MembersPage })),
);
const ChatPage = lazy(() =>
  import('@/features/chat/ChatPage').then((m) => ({ default: m.ChatPage })),
);
const AiSettingsPage = lazy(() =>
  import('@/features/ai-settings/AiSettingsPage').then((m) => ({ default: m.AiSettingsPage })),
);
const AuditPage = lazy(() =>
  import('@/features/audit/AuditPage').then((m) => ({ default: m.AuditPage })),
);
const ConnectionsPage = lazy(() =>
  import('@/features/connections/ConnectionsPage').then((m) => ({ default: m.ConnectionsPage })),
);
const ConnectionFormPage = lazy(() =>
  import('@/features/connections/ConnectionFormPage').then((m) => ({
    default: m.ConnectionFormPage,
  })),
);
const SchemaPage = lazy(() =>
  import('@/features/schema/SchemaPage').then((m) => ({ default: m.SchemaPage })),
);
const UploadPage = lazy(() =>
  import('@/features/uploads/UploadPage').then((m) => ({ default: m.UploadPage })),
);

/** Each route gets its own error boundary and loading skeleton. */
function route(name: string, element: ReactNode) {
  return (
    <ErrorBoundary name={name}>
      <Suspense fallback={<PageSkeleton />}>{element}</Suspense>
    </ErrorBoundary>
  );
}

export const routes = [
  {
    path: '/sign-in',
    errorElement: <RouteError />,
    element: <GuestOnly>{route('sign-in', <SignInPage />)}</GuestOnly>,
  },
  {
    path: '/register',
    errorElement: <RouteError />,
    element: <GuestOnly>{route('register', <RegisterPage />)}</GuestOnly>,
  },
  {
    path: '/',
    errorElement: <RouteError />,
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: route('home', <HomePage />) },
      // One route for both, so that opening the session a first question created keeps the page.
      { path: 'chat/:sessionId?', element: route('chat', <ChatPage />) },
      {
        path: 'members',
        element: route(
          'members',
          <RequireRole role="admin">
            <MembersPage />
          </RequireRole>,
        ),
      },
      {
        path: 'audit',
        element: route(
          'audit',
          <RequireRole role="admin">
            <AuditPage />
          </RequireRole>,
        ),
      },
      { path: 'connections', element: route('connections', <ConnectionsPage />) },
      {
        path: 'connections/new',
        element: route(
          'connection-new',
          <RequireRole role="admin">
            <ConnectionFormPage />
          </RequireRole>,
        ),
      },
      {
        path: 'connections/:id/edit',
        element: route(
          'connection-edit',
          <RequireRole role="admin">
            <ConnectionFormPage />
          </RequireRole>,
        ),
      },
      { path: 'connections/:id/schema', element: route('schema', <SchemaPage />) },
      {
        path: 'uploads',
        element: route(
          'uploads',
          <RequireRole role="analyst">
            <UploadPage />
          </RequireRole>,
        ),
      },
      {
        path: 'settings/ai',
        element: route(
          'ai-settings',
          <RequireRole role="admin">
            <AiSettingsPage />
          </RequireRole>,
        ),
      },
      { path: '*', element: route('not-found', <NotFoundPage />) },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
