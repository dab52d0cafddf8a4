import { queryOptions } from '@tanstack/react-query';
import { graphql } from '../gql';
import { execute } from '../lib/graphql-client';
import { scopes } from './keys';

export const savedSearchKeys = {
  all: scopes.savedSearches,
  list: () => [...scopes.savedSearches, 'list'] as const,
};

const SavedSearches = graphql(`
  query SavedSearches {
    savedSearches {
      id
      name
      query
      sort
      url
      createdAt
    }
  }
`);

/** Your saved searches, newest first. */
export const savedSearchesQuery = () =>
  queryOptions({ queryKey: savedSearchKeys.list(), queryFn: () => execute(SavedSearches) });

/** Save the browse page's search (its URL state as search arguments); saving it again answers the same one. */
export const SaveSearch = graphql(`
  mutation SaveSearch(
    $name: String
    $query: String
    $filters: SearchFilterInput
    $exclude: SearchExcludeInput
    $sort: SearchSort
  ) {
    saveSearch(name: $name, query: $query, filters: $filters, exclude: $exclude, sort: $sort) {
      id
      name
      url
    }
  }
`);

export const RenameSavedSearch = graphql(`
  mutation RenameSavedSearch($id: UUID!, $name: String!) {
    renameSavedSearch(id: $id, name: $name) {
      id
      name
    }
  }
`);

export const DeleteSavedSearch = graphql(`
  mutation DeleteSavedSearch($id: UUID!) {
    deleteSavedSearch(id: $id)
  }
`);
