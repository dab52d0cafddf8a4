import type { QueryClient } from '@tanstack/react-query';
import { inboxMailQuery, inboxQuery } from './queries';

/** The development inbox: the list, and the open mail when one is chosen. */
export async function loadDevInbox(client: QueryClient, search: { to?: string; mail?: string }): Promise<void> {
  await Promise.all([
    client.ensureQueryData(inboxQuery(search.to)),
    search.mail ? client.ensureQueryData(inboxMailQuery(search.mail)) : undefined,
  ]);
}
