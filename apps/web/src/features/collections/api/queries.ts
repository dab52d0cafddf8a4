import { queryOptions } from '@tanstack/react-query';
import { collectionKeys } from '../../../api/keys';
import { graphql } from '../../../gql';
import { execute } from '../../../lib/graphql-client';

const CollectionPage = graphql(`
  query CollectionPage($id: UUID!) {
    collection(id: $id) {
      id
      title
      description
      visibility
      itemCount
      followerCount
      viewerFollows
      viewerRole
      coverItemId
      updatedAt
      viewerCan {
        editItems
        editSettings
        delete
        manageEditors
        accept
        leave
        follow
      }
      owner {
        id
        handle
        displayName
      }
      editors {
        id
        handle
        displayName
        status
      }
      items {
        id
        kind
        itemId
        note
        available
        imageModelId
        image {
          id
          ...Image
        }
        model {
          ...ModelCard
        }
        template {
          ...TemplateCard
        }
      }
    }
  }
`);

/** A collection with its items in order (its cards included), as the viewer may see it. */
export const collectionQuery = (id: string, signedIn: boolean) =>
  queryOptions({
    queryKey: collectionKeys.one(id, signedIn),
    queryFn: async () => (await execute(CollectionPage, { id })).collection,
  });
