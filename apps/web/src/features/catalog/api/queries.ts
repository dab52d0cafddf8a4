import { queryOptions } from '@tanstack/react-query';
import { searchKeys } from '../../../api/keys';
import type { BrowseSearch } from '../../../api/search';
import { searchVariables } from '../../../api/search';
import { graphql } from '../../../gql';
import { execute } from '../../../lib/graphql-client';
import { catalogKeys } from './keys';

/** The whole model page in one request: each section asks for its own fields through its fragment. */
const ModelPageQuery = graphql(`
  query ModelPage($id: UUID!) {
    styleModel(id: $id) {
      id
      name
      description
      type
      tags
      status
      publishedAt
      likeCount
      downloadCount
      viewerHasLiked
      rating {
        average
        count
        histogram
      }
      owner {
        ...ModelOwnerFields
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
  queryOptions({ queryKey: catalogKeys.model(id), queryFn: () => execute(ModelPageQuery, { id }) });

const VersionModel = graphql(`
  query VersionModel($id: UUID!) {
    modelVersion(id: $id) {
      modelId
    }
  }
`);

/** Which model a version belongs to (a link to a version opens its model's page on it). */
export const versionModelQuery = (id: string) =>
  queryOptions({ queryKey: catalogKeys.versionModel(id), queryFn: () => execute(VersionModel, { id }) });

const FacetValuesQuery = graphql(`
  query FacetValues(
    $facet: SearchFacet!
    $prefix: String!
    $query: String
    $filters: SearchFilterInput
    $exclude: SearchExcludeInput
  ) {
    facetValues(facet: $facet, prefix: $prefix, query: $query, filters: $filters, exclude: $exclude) {
      value
      count
    }
  }
`);

/** Tags matching what is typed in the tag filter's box, counted within the current search. */
export const tagValuesQuery = (search: BrowseSearch, prefix: string) => {
  const { query, filters, exclude } = searchVariables(search);
  return queryOptions({
    queryKey: searchKeys.tagValues(search, prefix),
    queryFn: () => execute(FacetValuesQuery, { facet: 'TAG', prefix, query, filters, exclude }),
    enabled: prefix.trim().length >= 1,
    staleTime: 30_000,
  });
};

const SuggestQuery = graphql(`
  query Suggest($prefix: String!) {
    suggest(prefix: $prefix) {
      kind
      text
      ref
    }
  }
`);

export const suggestQuery = (prefix: string) =>
  queryOptions({
    queryKey: searchKeys.suggest(prefix),
    queryFn: () => execute(SuggestQuery, { prefix }),
    enabled: prefix.trim().length >= 2,
    staleTime: 60_000,
  });
