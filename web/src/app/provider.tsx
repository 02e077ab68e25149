import type { ReactNode } from 'react';
import { ErrorBoundary, RootErrorFallback } from '@/components/ErrorBoundary';
import { AuthProvider } from '@/features/auth/AuthProvider';

export function AppProvider({ children }: { children: ReactNode }) {
  return (
    <ErrorBoundary name="app" fallback={(props) => <RootErrorFallback {...props} />}>
      <AuthProvider>{children}</AuthProvider>
    </ErrorBoundary>
  );
}
