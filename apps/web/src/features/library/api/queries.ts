import { infiniteQueryOptions } from '@tanstack/react-query';
import { graphql } from '../../../gql';
import { execute } from '../../../lib/graphql-client';
import { libraryKeys } from './keys';

const LibraryLicenses = graphql(`
  query LibraryLicenses($after: String) {
    myLicenses(first: 50, after: $after) {
      nodes {
        id
        tier
        status
        source
        resourceName
        subjectKind
        subjectId
        issuedAt
        certificate
        fileSha256s
        revocationReason
        priceAmount
        priceCurrency
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const LibraryOrders = graphql(`
  query LibraryOrders($after: String) {
    myOrders(first: 50, after: $after) {
      nodes {
        id
        itemName
        tier
        status
        amount
        currency
        refundedAmount
        createdAt
        paidAt
        lines {
          id
          itemName
          status
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** Your licences, 50 at a time. */
export const licencesQuery = () =>
  infiniteQueryOptions({
    queryKey: libraryKeys.licences(),
    queryFn: ({ pageParam }) => execute(LibraryLicenses, { after: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => (last.myLicenses.pageInfo.hasNextPage ? last.myLicenses.pageInfo.endCursor : undefined),
  });

/** Your orders, 50 at a time. */
export const ordersQuery = () =>
  infiniteQueryOptions({
    queryKey: libraryKeys.orders(),
    queryFn: ({ pageParam }) => execute(LibraryOrders, { after: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => (last.myOrders.pageInfo.hasNextPage ? last.myOrders.pageInfo.endCursor : undefined),
  });
