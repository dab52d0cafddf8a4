import type { QueryClient } from '@tanstack/react-query';
import { licencesQuery, ordersQuery } from './queries';

/** The library: the first page of your licences and of your orders. */
export async function loadLibrary(client: QueryClient): Promise<void> {
  await Promise.all([client.ensureInfiniteQueryData(licencesQuery()), client.ensureInfiniteQueryData(ordersQuery())]);
}
