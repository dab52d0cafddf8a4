import type { QueryClient } from '@tanstack/react-query';
import { baseModelsQuery } from '../../../api/base-models';
import { ensureMe } from '../../../api/session';
import { reviewQueueQuery } from './queries';

/** The staff page: the money review queue, and for admins the base models. Nothing for others (it says so). */
export async function loadStaff(client: QueryClient): Promise<void> {
  const me = await ensureMe(client);
  if (me && !me.roles.length) return;
  await Promise.all([
    client.ensureQueryData(reviewQueueQuery()),
    me?.roles.includes('ADMIN') ? client.ensureQueryData(baseModelsQuery()) : undefined,
  ]);
}
