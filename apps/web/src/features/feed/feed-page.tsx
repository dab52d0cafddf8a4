import { useSuspenseInfiniteQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Button, EmptyState, PageHeader, buttonStyles } from '@lookbook/web-ui';
import type { FeedVerb } from '../../gql/graphql';
import { formatDate } from '../../lib/format';
import { useTitle } from '../../lib/use-title';
import { followingFeedQuery } from './api/queries';

const VERBS: Record<FeedVerb, string> = {
  MODEL_VERSION_PUBLISHED: 'published a model version',
  TEMPLATE_PUBLISHED: 'published a workflow template',
  TEMPLATE_VERSION_PUBLISHED: 'published a new template version',
  REMIX_PUBLISHED: 'published a remix',
};

/** New work from the people and IPs you follow, newest first. */
export function FeedPage() {
  const feed = useSuspenseInfiniteQuery(followingFeedQuery());
  const items = feed.data.pages.flatMap((p) => p.followingFeed.nodes);
  useTitle('Following');
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title="Following" subtitle="New models, templates and remixes from the people and IPs you follow." />
      {items.length === 0 ? (
        <EmptyState
          title="Nothing here yet"
          action={
            <Link to="/" className={buttonStyles('primary', 'sm')}>
              Find creators to follow
            </Link>
          }
        >
          Follow creators from their profile or their work, and what they publish next shows up here.
        </EmptyState>
      ) : (
        <ol
          className="flex flex-col divide-y divide-line rounded-card border border-line bg-surface"
          data-testid="feed"
        >
          {items.map((item) => (
            <li key={item.id} className="flex flex-col gap-1 p-4 sm:flex-row sm:items-baseline sm:gap-3">
              <p className="min-w-0 flex-1 text-sm break-words">
                <Link
                  to="/u/$handle"
                  params={{ handle: item.actor.handle }}
                  className="font-medium text-ink hover:underline"
                >
                  {item.actor.displayName}
                </Link>{' '}
                <span className="text-muted">{VERBS[item.verb]}</span>{' '}
                {item.subjectKind === 'MODEL' ? (
                  <Link
                    to="/models/$id"
                    params={{ id: item.subjectId }}
                    className="font-medium text-accent hover:underline"
                  >
                    {item.subjectName}
                  </Link>
                ) : (
                  <Link
                    to="/templates/$id"
                    params={{ id: item.subjectId }}
                    className="font-medium text-accent hover:underline"
                  >
                    {item.subjectName}
                  </Link>
                )}{' '}
                <span className="text-muted">· {item.versionName}</span>
              </p>
              <time dateTime={item.createdAt} className="text-xs text-muted">
                {formatDate(item.createdAt)}
              </time>
            </li>
          ))}
        </ol>
      )}
      {feed.hasNextPage && (
        <Button variant="secondary" isPending={feed.isFetchingNextPage} onPress={() => void feed.fetchNextPage()}>
          Show older
        </Button>
      )}
    </div>
  );
}
