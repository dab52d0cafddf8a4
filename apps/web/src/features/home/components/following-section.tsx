import { useQuery } from '@tanstack/react-query';
import { ButtonLink, EmptyState, ErrorState, LoadingState, RuledList, TextLink } from '@lookbook/web-ui';
import { CardCountsLine } from '../../../components/card-counts';
import { errorMessage, isRetryable } from '../../../lib/api-error';
import { homeFollowingQuery } from '../api/queries';
import { PopularCreators } from './popular-creators';

const VERBS: Record<string, string> = {
  MODEL_VERSION_PUBLISHED: 'published',
  TEMPLATE_PUBLISHED: 'published the workflow',
  TEMPLATE_VERSION_PUBLISHED: 'updated the workflow',
  REMIX_PUBLISHED: 'remixed into',
};

/** Signed in: the newest work from the people you follow; following nobody, an invitation with creators to follow. */
export function FollowingSection() {
  const feed = useQuery(homeFollowingQuery());
  const items = feed.data?.followingFeed.nodes ?? [];
  return (
    <section aria-labelledby="following-heading" className="flex flex-col gap-3" data-testid="home-following">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="following-heading" className="text-xl font-semibold tracking-tight text-ink">
          New from people you follow
        </h2>
        {items.length > 0 && (
          <ButtonLink to="/feed" size="sm" variant="secondary">
            Your feed
          </ButtonLink>
        )}
      </div>
      {feed.isPending ? (
        <LoadingState label="Loading your feed…" rows={2} />
      ) : feed.isError ? (
        <ErrorState
          message={errorMessage(feed.error)}
          onRetry={isRetryable(feed.error) ? () => void feed.refetch() : undefined}
        />
      ) : items.length === 0 ? (
        <EmptyState title="Follow a few creators" level={3}>
          <p>What the people you follow publish next shows up here. Some creators people like right now:</p>
          <PopularCreators />
        </EmptyState>
      ) : (
        <RuledList framed>
          {items.map((item) => (
            <li key={item.id} className="flex flex-wrap items-baseline gap-1 px-4 py-3 text-sm">
              <TextLink to="/u/$handle" params={{ handle: item.actor.handle }}>
                {item.actor.displayName}
              </TextLink>
              <span className="text-muted">{VERBS[item.verb] ?? 'published'}</span>
              {item.subjectKind === 'MODEL' ? (
                <TextLink to="/models/$id" params={{ id: item.subjectId }}>
                  {item.subjectName}
                </TextLink>
              ) : (
                <TextLink to="/templates/$id" params={{ id: item.subjectId }}>
                  {item.subjectName}
                </TextLink>
              )}
              {item.versionName && <span className="text-muted">· {item.versionName}</span>}
              <span className="basis-full">
                <CardCountsLine counts={item.counts} downloads={item.subjectKind === 'MODEL'} />
              </span>
            </li>
          ))}
        </RuledList>
      )}
    </section>
  );
}
