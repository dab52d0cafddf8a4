import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { graphql } from '../gql';
import type { ReviewSubjectKind } from '../gql/graphql';
import { execute } from '../lib/graphql-client';
import { reviewKeys } from './keys';

/** What a review shows wherever it appears: the model or template page, a member's profile. */
export const ReviewFieldsFragment = graphql(`
  fragment ReviewFields on Review {
    id
    subjectKind
    subjectId
    subjectName
    author {
      id
      handle
      displayName
    }
    rating
    body
    licenseTier
    verified
    helpfulCount
    viewerFoundHelpful
    editCount
    createdAt
    editedAt
    reply {
      body
      repliedAt
      editedAt
    }
  }
`);

const SubjectReviews = graphql(`
  query SubjectReviews($kind: ReviewSubjectKind!, $subjectId: UUID!, $first: Int!, $after: String) {
    reviews(kind: $kind, subjectId: $subjectId, first: $first, after: $after) {
      nodes {
        ...ReviewFields
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const MemberReviews = graphql(`
  query MemberReviews($userId: UUID!, $first: Int!, $after: String) {
    memberReviews(userId: $userId, first: $first, after: $after) {
      nodes {
        ...ReviewFields
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const Eligibility = graphql(`
  query ReviewEligibility($kind: ReviewSubjectKind!, $subjectId: UUID!) {
    reviewEligibility(kind: $kind, subjectId: $subjectId) {
      canReview
      reason
      licenseTier
      review {
        ...ReviewFields
      }
    }
  }
`);

const Revisions = graphql(`
  query ReviewRevisions($reviewId: UUID!) {
    reviewRevisions(reviewId: $reviewId) {
      revision
      rating
      body
      writtenAt
    }
  }
`);

export const WriteReview = graphql(`
  mutation WriteReview($kind: ReviewSubjectKind!, $subjectId: UUID!, $input: ReviewInput!) {
    writeReview(kind: $kind, subjectId: $subjectId, input: $input) {
      ...ReviewFields
    }
  }
`);

export const EditReview = graphql(`
  mutation EditReview($reviewId: UUID!, $input: ReviewInput!) {
    editReview(reviewId: $reviewId, input: $input) {
      ...ReviewFields
    }
  }
`);

export const ReplyToReview = graphql(`
  mutation ReplyToReview($reviewId: UUID!, $body: String!) {
    replyToReview(reviewId: $reviewId, body: $body) {
      ...ReviewFields
    }
  }
`);

export const VoteReviewHelpful = graphql(`
  mutation VoteReviewHelpful($reviewId: UUID!, $helpful: Boolean!) {
    voteReviewHelpful(reviewId: $reviewId, helpful: $helpful) {
      id
      helpfulCount
      viewerFoundHelpful
    }
  }
`);

export const REVIEW_PAGE = 10;

export const subjectReviewsQuery = (kind: ReviewSubjectKind, subjectId: string) =>
  infiniteQueryOptions({
    queryKey: reviewKeys.of(kind, subjectId),
    queryFn: ({ pageParam }) => execute(SubjectReviews, { kind, subjectId, first: REVIEW_PAGE, after: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => (last.reviews.pageInfo.hasNextPage ? last.reviews.pageInfo.endCursor : undefined),
  });

export const memberReviewsQuery = (userId: string) =>
  infiniteQueryOptions({
    queryKey: reviewKeys.byMember(userId),
    queryFn: ({ pageParam }) => execute(MemberReviews, { userId, first: REVIEW_PAGE, after: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) =>
      last.memberReviews.pageInfo.hasNextPage ? last.memberReviews.pageInfo.endCursor : undefined,
  });

export const reviewEligibilityQuery = (kind: ReviewSubjectKind, subjectId: string, signedIn: boolean) =>
  queryOptions({
    queryKey: reviewKeys.eligibility(kind, subjectId, signedIn),
    queryFn: () => execute(Eligibility, { kind, subjectId }),
    enabled: signedIn,
  });

export const reviewRevisionsQuery = (reviewId: string) =>
  queryOptions({
    queryKey: reviewKeys.revisions(reviewId),
    queryFn: () => execute(Revisions, { reviewId }),
  });
