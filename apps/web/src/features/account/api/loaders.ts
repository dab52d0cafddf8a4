import type { QueryClient } from '@tanstack/react-query';
import { browseQuery } from '../../../api/search';
import { accountQuery, creatorWork, profileQuery } from './queries';

/** A creator's page: who they are and the first page of their published work. */
export async function loadProfile(client: QueryClient, handle: string): Promise<void> {
  await Promise.all([
    client.ensureQueryData(profileQuery(handle)),
    client.ensureInfiniteQueryData(browseQuery(creatorWork(handle))),
  ]);
}

/** Your account: sessions and API keys (who you are comes with every page). */
export async function loadAccount(client: QueryClient): Promise<void> {
  await client.ensureQueryData(accountQuery());
}
