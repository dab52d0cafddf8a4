import type { QueryClient } from '@tanstack/react-query';
import { browseQuery } from '../../../api/search';
import { ensureMe } from '../../../api/session';
import { accountQuery, creatorWork, profileQuery } from './queries';

/** A creator's page: who they are and the first page of their published work. */
export async function loadProfile(client: QueryClient, handle: string): Promise<void> {
  await Promise.all([
    client.ensureQueryData(profileQuery(handle)),
    client.ensureInfiniteQueryData(browseQuery(creatorWork(handle, 'model'))),
  ]);
}

/** Your account: who you are (profile, maturity), your sessions and API keys. */
export async function loadAccount(client: QueryClient): Promise<void> {
  await Promise.all([ensureMe(client), client.ensureQueryData(accountQuery())]);
}
