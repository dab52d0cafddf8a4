import { useSuspenseInfiniteQuery } from '@tanstack/react-query';
import { Button, ButtonLink, EmptyState, PageHeader, RuledList, Stack } from '@lookbook/web-ui';
import { useTitle } from '../../lib/use-title';
import { followingFeedQuery } from './api/queries';
import { FeedItem } from './components/feed-item';

/** New work from the people and IPs you follow, newest first. */
export function FeedPage() {
  const feed = useSuspenseInfiniteQuery(followingFeedQuery());
  const items = feed.data.pages.flatMap((p) => p.followingFeed.nodes);
  useTitle('Following');
  return (
    <Stack gap={6}>
      <PageHeader title="Following" subtitle="New models, templates and remixes from the people and IPs you follow." />
      {items.length === 0 ? (
        <EmptyState
          title="Nothing here yet"
          action={
            <ButtonLink to="/browse" size="sm">
              Find creators to follow
            </ButtonLink>
          }
        >
          Follow creators from their profile or their work, and what they publish next shows up here.
        </EmptyState>
      ) : (
        <RuledList framed data-testid="feed">
          {items.map((item) => (
            <FeedItem key={item.id} item={item} />
          ))}
        </RuledList>
      )}
      {feed.hasNextPage && (
        <Button
          variant="secondary"
          className="self-start"
          isPending={feed.isFetchingNextPage}
          onPress={() => void feed.fetchNextPage()}
        >
          Show older
        </Button>
      )}
    </Stack>
  );
}
