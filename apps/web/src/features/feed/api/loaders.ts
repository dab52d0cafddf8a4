import type { QueryClient } from '@tanstack/react-query';
import { followingFeedQuery } from './queries';

/** The feed page: the first page of new work from the people you follow. */
export async function loadFeed(client: QueryClient): Promise<void> {
  await client.ensureInfiniteQueryData(followingFeedQuery());
}
