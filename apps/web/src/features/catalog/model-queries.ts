import { queryOptions } from '@tanstack/react-query';
import { graphql } from '../../gql';
import { execute } from '../../lib/graphql-client';

/** The whole model page in one request: each section asks for its own fields through its fragment. */
export const ModelPageQuery = graphql(`
  query ModelPage($id: UUID!) {
    styleModel(id: $id) {
      id
      name
      description
      type
      tags
      status
      publishedAt
      owner {
        id
        handle
        displayName
      }
      baseModel {
        id
        name
        licenseName
        nonCommercial
      }
      versions {
        id
        name
        status
        publishedAt
        ...Gallery
        ...VersionDetails
        ...VersionOffers
      }
    }
  }
`);

export const modelPageQuery = (id: string) =>
  queryOptions({ queryKey: ['styleModel', id], queryFn: () => execute(ModelPageQuery, { id }) });
