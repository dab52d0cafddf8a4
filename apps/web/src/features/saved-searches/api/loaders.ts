import type { QueryClient } from '@tanstack/react-query';
import { savedSearchesQuery } from '../../../api/saved-searches';

export async function loadSavedSearches(client: QueryClient): Promise<void> {
  await client.ensureQueryData(savedSearchesQuery());
}
