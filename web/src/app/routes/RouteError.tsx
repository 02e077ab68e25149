import { isRouteErrorResponse, useRouteError } from 'react-router';
import { RootErrorFallback } from '@/components/ErrorBoundary';

/** The router's own error element (errors thrown while matching or loading routes). */
export function RouteError() {
  const error = useRouteError();
  const shown = isRouteErrorResponse(error)
    ? new Error(`${error.status} ${error.statusText}`)
    : error;
  return <RootErrorFallback error={shown} reset={() => undefined} />;
}
