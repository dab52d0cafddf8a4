import type { QueryClient } from '@tanstack/react-query';
import { notificationsQuery, preferencesQuery } from './queries';

export async function loadNotifications(client: QueryClient): Promise<void> {
  await client.ensureInfiniteQueryData(notificationsQuery(false));
}

export async function loadNotificationSettings(client: QueryClient): Promise<void> {
  await client.ensureQueryData(preferencesQuery());
}
