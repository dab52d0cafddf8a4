import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useCallback, useMemo } from 'react';
import { EmptyState, ErrorState, Inline, LoadingState, PageHeader, SectionHeading, Stack } from '@lookbook/web-ui';
import { graphql } from '../../gql';
import { errorCode, errorMessage, isRetryable } from '../../lib/api-error';
import { formatDate } from '../../lib/format';
import { execute } from '../../lib/graphql-client';
import { useTitle } from '../../lib/use-title';
import { browseQuery } from '../catalog/catalog-queries';
import { gridEntries, ModelGrid } from '../catalog/model-grid';
import { NotFound } from '../../app/route-states';

const Profile = graphql(`
  query Profile($handle: String!) {
    user(handle: $handle) {
      id
      handle
      displayName
      createdAt
    }
  }
`);
const route = getRouteApi('/u/$handle');

/** A creator's public page: who they are, their published models and workflow templates. */
export function ProfilePage() {
  const { handle } = route.useParams();
  const user = useQuery({ queryKey: ['user', handle.toLowerCase()], queryFn: () => execute(Profile, { handle }) });
  const models = useInfiniteQuery(browseQuery({ creator: handle, sort: 'NEWEST' }));
  const nodes = useMemo(() => gridEntries(models.data?.pages.flatMap((p) => p.search.hits) ?? []), [models.data]);
  const onEndReached = useCallback(() => void models.fetchNextPage(), [models]);
  useTitle(user.data ? `${user.data.user.displayName} (@${user.data.user.handle})` : `@${handle}`);

  if (user.isPending) return <LoadingState />;
  if (user.isError)
    return errorCode(user.error) === 'USER_NOT_FOUND' ? (
      <NotFound />
    ) : (
      <ErrorState
        message={errorMessage(user.error)}
        onRetry={isRetryable(user.error) ? () => void user.refetch() : undefined}
      />
    );
  const person = user.data.user;
  return (
    <Stack gap={6}>
      <PageHeader
        title={
          <Inline as="span" gap={3}>
            <span
              aria-hidden
              className="flex size-12 items-center justify-center rounded-full bg-accent-soft text-xl font-semibold text-accent"
            >
              {person.displayName.charAt(0).toUpperCase()}
            </span>
            {person.displayName}
          </Inline>
        }
        subtitle={`@${person.handle} · member since ${formatDate(person.createdAt)}`}
      />
      <SectionHeading flush>Published models and workflows</SectionHeading>
      {models.isPending ? (
        <LoadingState />
      ) : models.isError ? (
        <ErrorState
          message={errorMessage(models.error)}
          onRetry={isRetryable(models.error) ? () => void models.refetch() : undefined}
        />
      ) : nodes.length === 0 ? (
        <EmptyState title={`${person.displayName} has not published anything yet`} />
      ) : (
        <ModelGrid
          models={nodes}
          hasMore={!!models.hasNextPage}
          loadingMore={models.isFetchingNextPage}
          onEndReached={onEndReached}
        />
      )}
    </Stack>
  );
}
