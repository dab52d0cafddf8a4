import { Link, useRouter } from '@tanstack/react-router';
import { EmptyState, ErrorState, buttonStyles } from '@lookbook/web-ui';
import { errorMessage, isRetryable } from '../lib/api-error';
import { useTitle } from '../lib/use-title';

/** A route whose loader or component failed: the error as a plain sentence, and a retry that reloads the route. */
export function RouteError({ error }: { error: unknown }) {
  const router = useRouter();
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
