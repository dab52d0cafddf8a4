import { useSuspenseInfiniteQuery, useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useCallback, useMemo } from 'react';
import { EmptyState, Inline, PageHeader, SectionHeading, Stack } from '@lookbook/web-ui';
import { browseQuery } from '../../api/search';
import { gridEntries, ModelGrid } from '../../components/model-grid';
import { formatDate } from '../../lib/format';
import { useTitle } from '../../lib/use-title';
import { creatorWork, profileQuery } from './api/queries';

const route = getRouteApi('/u/$handle');

/** A creator's public page: who they are, their published models and workflow templates. */
export function ProfilePage() {
  const { handle } = route.useParams();
  const user = useSuspenseQuery(profileQuery(handle));
  const models = useSuspenseInfiniteQuery(browseQuery(creatorWork(handle)));
  const nodes = useMemo(() => gridEntries(models.data.pages.flatMap((p) => p.search.hits)), [models.data]);
  const onEndReached = useCallback(() => void models.fetchNextPage(), [models]);
  const person = user.data.user;
  useTitle(`${person.displayName} (@${person.handle})`);

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
      {nodes.length === 0 ? (
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
