import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, EmptyState, ErrorState, LoadingState } from '@lookbook/web-ui';
import { memberReviewsQuery, ReviewFieldsFragment } from '../../api/reviews';
import { readFragment } from '../../gql';
import { errorMessage } from '../../lib/api-error';
import { useMe } from '../../lib/session';
import { ReviewItem } from './review-item';

/** The reviews a member wrote (their profile's Reviews tab), newest first, each naming what it reviews. */
export function MemberReviews({ userId, name }: { userId: string; name: string }) {
  const { me } = useMe();
  const reviews = useInfiniteQuery(memberReviewsQuery(userId));
  if (reviews.isPending) return <LoadingState label="Loading reviews…" rows={2} />;
  if (reviews.isError)
    return <ErrorState message={errorMessage(reviews.error)} onRetry={() => void reviews.refetch()} />;
  const nodes = reviews.data.pages
    .flatMap((p) => p.memberReviews.nodes)
    .map((r) => readFragment(ReviewFieldsFragment, r));
  if (nodes.length === 0) return <EmptyState title={`${name} has not reviewed anything yet`} />;
  return (
    <div className="flex flex-col gap-2">
      <div className="divide-y divide-line" data-testid="member-reviews">
        {nodes.map((r) => (
          <ReviewItem key={r.id} review={r} viewerId={me?.id ?? null} isCreator={false} showSubject />
        ))}
      </div>
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
    </div>
  );
}
