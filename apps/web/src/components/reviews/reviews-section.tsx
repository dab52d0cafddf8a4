import { useQuery, useQueryClient, useInfiniteQuery } from '@tanstack/react-query';
import { Link, useLocation } from '@tanstack/react-router';
import { Button, buttonStyles, EmptyState, ErrorState, LoadingState, Section, Stack, Text } from '@lookbook/web-ui';
import type { ReviewSubjectKind } from '../../gql/graphql';
import { scopes } from '../../api/keys';
import { ReviewFieldsFragment, reviewEligibilityQuery, subjectReviewsQuery, WriteReview } from '../../api/reviews';
import { readFragment } from '../../gql';
import { errorMessage } from '../../lib/api-error';
import { execute } from '../../lib/graphql-client';
import { useMe } from '../../lib/session';
import { formatCount } from '../social/format-count';
import { RatingStars, TIER_LABEL } from './rating-stars';
import { ReviewForm } from './review-form';
import { ReviewItem } from './review-item';

export interface RatingSummaryData {
  average?: number | null;
  count: number;
  histogram: number[];
}

/**
 * The Reviews section of a model or template page: the rating summary (average, count, 1–5 histogram, from the page's
 * own query), a form for licence holders, and the reviews, newest first, with the verified licence each rests on.
 */
export function ReviewsSection({
  kind,
  subjectId,
  ownerId,
  rating,
}: {
  kind: ReviewSubjectKind;
  subjectId: string;
  ownerId: string | null;
  rating: RatingSummaryData | null | undefined;
}) {
  const { me, signedIn } = useMe();
  const reviews = useInfiniteQuery(subjectReviewsQuery(kind, subjectId));
  const isCreator = !!me && me.id === ownerId;
  const nodes = (reviews.data?.pages.flatMap((p) => p.reviews.nodes) ?? []).map((r) =>
    readFragment(ReviewFieldsFragment, r),
  );
  return (
    <Section title="Reviews" headingId="reviews" size="base" gap={4} data-testid="reviews-section">
      <RatingSummary rating={rating} />
      {!isCreator && <WriteYourReview kind={kind} subjectId={subjectId} signedIn={signedIn} />}
      {reviews.isPending ? (
        <LoadingState label="Loading reviews…" rows={2} />
      ) : reviews.isError ? (
        <ErrorState message={errorMessage(reviews.error)} onRetry={() => void reviews.refetch()} />
      ) : nodes.length === 0 ? (
        <EmptyState title="No reviews yet" level={3}>
          Only people who hold a licence on it can review it, so every review here comes from a real licensee.
        </EmptyState>
      ) : (
        <div className="divide-y divide-line" data-testid="review-list">
          {nodes.map((r) => (
            <ReviewItem key={r.id} review={r} viewerId={me?.id ?? null} isCreator={isCreator} />
          ))}
        </div>
      )}
      {reviews.hasNextPage && (
        <Button
          variant="secondary"
          size="sm"
          className="self-start"
          isPending={reviews.isFetchingNextPage}
          onPress={() => void reviews.fetchNextPage()}
        >
          More reviews
        </Button>
      )}
    </Section>
  );
}

function RatingSummary({ rating }: { rating: RatingSummaryData | null | undefined }) {
  if (!rating || rating.count === 0 || rating.average == null)
    return <Text data-testid="rating-summary">No ratings yet.</Text>;
  const most = Math.max(1, ...rating.histogram);
  return (
    <div className="flex flex-col gap-4 sm:flex-row sm:items-center sm:gap-8" data-testid="rating-summary">
      <div className="flex flex-col">
        <span className="text-3xl font-semibold" data-testid="rating-average">
          {rating.average.toFixed(1)}
        </span>
        <RatingStars value={rating.average} />
        <Text size="xs" data-testid="rating-count">
          {formatCount(rating.count)} {rating.count === 1 ? 'rating' : 'ratings'} from current licence holders
        </Text>
      </div>
      <ol className="flex w-full max-w-xs flex-col-reverse gap-1" aria-label="Ratings by stars">
        {rating.histogram.map((n, i) => (
          <li key={i} className="flex items-center gap-2 text-xs">
            <span className="w-8 text-muted">{i + 1} ★</span>
            <span className="h-2 flex-1 overflow-hidden rounded bg-raised" aria-hidden>
              <span className="block h-full bg-accent" style={{ width: `${(n / most) * 100}%` }} />
            </span>
            <span className="w-8 text-right text-muted">{formatCount(n)}</span>
            <span className="sr-only">{`${i + 1} stars: ${n}`}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}

function WriteYourReview({
  kind,
  subjectId,
  signedIn,
}: {
  kind: ReviewSubjectKind;
  subjectId: string;
  signedIn: boolean;
}) {
  const location = useLocation();
  const client = useQueryClient();
  const eligibility = useQuery(reviewEligibilityQuery(kind, subjectId, signedIn));
  if (!signedIn)
    return (
      <Text>
        <Link to="/sign-in" search={{ next: location.href }} className={buttonStyles('secondary', 'sm')}>
          Sign in to review
        </Link>{' '}
        if you hold a licence on it.
      </Text>
    );
  if (eligibility.isPending) return null;
  if (eligibility.isError) return <Text>Whether you can review it could not be checked just now.</Text>;
  const e = eligibility.data.reviewEligibility;
  if (e.reason === 'NO_LICENSE')
    return (
      <Text data-testid="review-needs-licence">
        Reviews come from licence holders: buy or claim a licence to review it.
      </Text>
    );
  if (e.reason === 'BLOCKED' || e.reason === 'ALREADY_REVIEWED' || !e.canReview) return null;
  return (
    <Stack gap={2} className="rounded-lg border border-line p-4" data-testid="write-review">
      <Text tone="ink">
        You hold a {TIER_LABEL[e.licenseTier ?? ''] ?? ''} licence: your review will show as verified.
      </Text>
      <ReviewForm
        submitLabel="Post review"
        onSubmit={async (input) => {
          await execute(WriteReview, { kind, subjectId, input });
          await Promise.all([
            client.invalidateQueries({ queryKey: scopes.reviews }),
            client.invalidateQueries({ queryKey: kind === 'MODEL' ? scopes.catalog : scopes.templates }),
          ]);
        }}
      />
    </Stack>
  );
}
