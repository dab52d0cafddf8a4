import type { CollectionPageQuery } from '../../../gql/graphql';

export type CollectionData = CollectionPageQuery['collection'];
export type CollectionItemData = CollectionData['items'][number];
