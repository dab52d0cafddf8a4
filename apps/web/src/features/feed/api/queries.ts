import { infiniteQueryOptions } from '@tanstack/react-query';
import { graphql } from '../../../gql';
import { execute } from '../../../lib/graphql-client';
import { feedKeys } from './keys';

const FollowingFeed = graphql(`
  query FollowingFeed($first: Int!, $after: String) {
    followingFeed(first: $first, after: $after) {
      nodes {
        id
        verb
        createdAt
        actor {
          id
          handle
          displayName
        }
        subjectKind
        subjectId
        subjectName
        versionName
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const FEED_PAGE = 20;

/** New work from the members and IPs you follow, newest first, a page at a time. */
export const followingFeedQuery = () =>
  infiniteQueryOptions({
    queryKey: feedKeys.following(),
    queryFn: ({ pageParam }) => execute(FollowingFeed, { first: FEED_PAGE, after: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) =>
      last.followingFeed.pageInfo.hasNextPage ? last.followingFeed.pageInfo.endCursor : undefined,
  });
