import { queryOptions } from '@tanstack/react-query';
import { graphql } from '../../../gql';
import type { SearchSort } from '../../../gql/graphql';
import { execute } from '../../../lib/graphql-client';
import { homeKeys } from './keys';

const HomeSection = graphql(`
  query HomeSection($sort: SearchSort!, $first: Int!) {
    search(sort: $sort, first: $first) {
      hits {
        kind
        counts {
          likes
          downloads
          rating
          ratingCount
        }
        price {
          free
          cheapestPaid {
            tier
            amount
            currency
          }
        }
        model {
          id
          owner {
            handle
            displayName
          }
          ...ModelCard
        }
        template {
          id
          owner {
            handle
            displayName
          }
          ...TemplateCard
        }
      }
    }
  }
`);

/** A home section: the first published models and templates in one sort, with their counts from the search index. */
export const homeSectionQuery = (sort: SearchSort, first = 8) =>
  queryOptions({
    queryKey: homeKeys.section(sort, first),
    queryFn: () => execute(HomeSection, { sort, first }),
  });

const HomeFollowing = graphql(`
  query HomeFollowing($first: Int!) {
    followingFeed(first: $first) {
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
        counts {
          likes
          downloads
          rating
          ratingCount
        }
      }
    }
  }
`);

/** The newest work from the people and IPs the viewer follows (the following feed's first page). */
export const homeFollowingQuery = () =>
  queryOptions({
    queryKey: homeKeys.following(),
    queryFn: () => execute(HomeFollowing, { first: 6 }),
  });
