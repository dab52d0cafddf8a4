import { useQueryErrorResetBoundary } from '@tanstack/react-query';
import { Link, useRouter } from '@tanstack/react-router';
import { useEffect } from 'react';
import { EmptyState, ErrorState, buttonStyles } from '@lookbook/web-ui';
import { errorMessage, isNotFound, isRetryable } from '../lib/api-error';
import { useTitle } from '../lib/use-title';

/**
 * A route whose loader or component failed: the error as a plain sentence, with a retry that reloads the route only
 * when retrying can help. What does not exist (`MODEL_NOT_FOUND`, …) is the not-found page, with no retry. A page's
 * data comes from its loader (`ensureQueryData`), or from a suspense query that failed while rendering: retrying runs
 * the loader again, and the failed queries are reset so that the page asks for them again.
 */
export function RouteError({ error }: { error: unknown }) {
  if (isNotFound(error)) return <NotFound />;
  return <RouteFailure error={error} />;
}

function RouteFailure({ error }: { error: unknown }) {
  const router = useRouter();
  const queries = useQueryErrorResetBoundary();
  useEffect(() => queries.reset(), [queries]);
  useTitle('Something went wrong');
  return (
    <ErrorState
      message={errorMessage(error)}
      onRetry={isRetryable(error) ? () => void router.invalidate() : undefined}
    />
  );
}

export function NotFound() {
  useTitle('Not found');
  return (
    <EmptyState
      title="There is nothing at this address"
      action={
        <Link to="/" className={buttonStyles('primary')}>
          Browse models
        </Link>
      }
    >
      The link may be mistyped, or what it pointed to was removed.
    </EmptyState>
  );
}
