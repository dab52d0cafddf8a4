import type { QueryClient } from '@tanstack/react-query';
import { myCollectionsQuery } from '../../../api/collections';
import { sessionStore } from '../../../lib/session-store';
import { collectionQuery } from './queries';

/** A collection page: the collection with its items and their cards, in one request. */
export async function loadCollectionPage(client: QueryClient, id: string): Promise<void> {
  await client.ensureQueryData(collectionQuery(id, !!sessionStore.get()));
}

/** Your collections (owned, edited, invitations). */
export async function loadMyCollections(client: QueryClient): Promise<void> {
  await client.ensureQueryData(myCollectionsQuery());
}
