import { queryOptions } from '@tanstack/react-query';
import { graphql } from '../gql';
import type { CollectionItemKind } from '../gql/graphql';
import { execute } from '../lib/graphql-client';
import { collectionKeys } from './keys';

/** What a collection card shows: title, cover, owner, counts. */
export const CollectionCardFragment = graphql(`
  fragment CollectionCardFields on Collection {
    id
    title
    description
    visibility
    itemCount
    followerCount
    viewerRole
    cover {
      url
      width
      height
      placeholder
      thumbnails {
        url
        width
        height
      }
    }
    owner {
      id
      handle
      displayName
    }
  }
`);

const FeaturedCollections = graphql(`
  query FeaturedCollections($first: Int!) {
    featuredCollections(first: $first) {
      ...CollectionCardFields
    }
  }
`);

const MemberCollections = graphql(`
  query MemberCollections($handle: String!) {
    memberCollections(handle: $handle, first: 48) {
      ...CollectionCardFields
    }
  }
`);

const MyCollections = graphql(`
  query MyCollections {
    myCollections {
      ...CollectionCardFields
      id
      title
      visibility
      viewerRole
      viewerCan {
        editItems
      }
    }
  }
`);

const CollectionsHolding = graphql(`
  query CollectionsHolding($kind: CollectionItemKind!, $itemId: UUID!) {
    collectionsHolding(kind: $kind, itemId: $itemId)
  }
`);

export const CreateCollection = graphql(`
  mutation CreateCollection($input: CreateCollectionInput!) {
    createCollection(input: $input) {
      id
      title
    }
  }
`);

export const AddToCollection = graphql(`
  mutation AddToCollection($collectionId: UUID!, $kind: CollectionItemKind!, $itemId: UUID!, $note: String) {
    addToCollection(collectionId: $collectionId, kind: $kind, itemId: $itemId, note: $note) {
      id
      itemCount
    }
  }
`);

export const RemoveFromCollection = graphql(`
  mutation RemoveFromCollection($collectionId: UUID!, $kind: CollectionItemKind!, $itemId: UUID!) {
    removeFromCollection(collectionId: $collectionId, kind: $kind, itemId: $itemId) {
      id
      itemCount
    }
  }
`);

export const featuredCollectionsQuery = (first: number, signedIn: boolean) =>
  queryOptions({
    queryKey: collectionKeys.featured(first, signedIn),
    queryFn: async () => (await execute(FeaturedCollections, { first })).featuredCollections,
  });

export const memberCollectionsQuery = (handle: string, signedIn: boolean) =>
  queryOptions({
    queryKey: collectionKeys.ofMember(handle, signedIn),
    queryFn: async () => (await execute(MemberCollections, { handle })).memberCollections,
  });

export const myCollectionsQuery = () =>
  queryOptions({
    queryKey: collectionKeys.mine(),
    queryFn: async () => (await execute(MyCollections)).myCollections,
  });

export const holdingQuery = (kind: CollectionItemKind, itemId: string) =>
  queryOptions({
    queryKey: collectionKeys.holding(kind, itemId),
    queryFn: async () => (await execute(CollectionsHolding, { kind, itemId })).collectionsHolding,
  });
