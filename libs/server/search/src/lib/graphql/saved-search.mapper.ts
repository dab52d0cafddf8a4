import { browseUrlOf } from '../saved/saved-search-rules';
import type { SavedSearch as Row } from '../saved/saved-search.repository';
import { SavedSearch } from './saved-search.objects';

export const toSavedSearch = (row: Row): SavedSearch =>
  Object.assign(new SavedSearch(), {
    id: row.id,
    name: row.name,
    query: row.request.query,
    sort: row.request.sort,
    url: browseUrlOf(row.request),
    createdAt: row.createdAt,
  });
